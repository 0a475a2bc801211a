import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { finished } from 'node:stream';

// Node's HTTP server parses a whole read of pipelined requests (up to 64 KiB)
// before it checks back-pressure, and the emulator answers asynchronously, so
// one read of small requests for large answers queued hundreds of answers
// (issue 12: RSS from 53 to 309 MB). Here a connection's next request is
// started only once the previous answer is written and the socket has drained
// (`drain`), and the socket is not read while requests wait their turn.

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/** One connection's listener: serves its requests one at a time, in order. */
const connectionInTurn = (socket: Socket, listener: Listener): Listener => {
  const waiting: [IncomingMessage, ServerResponse][] = [];
  let busy = false;
  let repausing = false;
  const serve: Listener = (request, response) => {
    busy = true;
    finished(response, next);
    listener(request, response);
  };
  const next = () => {
    // A closed or closing connection serves nothing more.
    if (socket.destroyed || !socket.writable) return;
    if (socket.writableNeedDrain) {
      socket.once('drain', next);
      return;
    }
    const following = waiting.shift();
    if (following) serve(...following);
    else {
      busy = false;
      socket.resume();
    }
  };
  // Node's HTTP server restarts reading on every 'resume' (after its own drain,
  // after each parsed request), even one that comes after a pause; while
  // requests wait, reading more would only queue more.
  socket.on('resume', () => {
    if (waiting.length === 0) return;
    if (socket.isPaused() && !repausing) {
      // pause() does nothing to a stream marked paused: mark it flowing, and
      // pause it at the 'resume' this brings on the next tick.
      repausing = true;
      socket.resume();
    } else {
      repausing = false;
      socket.pause();
    }
  });
  return (request, response) => {
    if (!busy) serve(request, response);
    else {
      waiting.push([request, response]);
      socket.pause();
    }
  };
};

/** Wraps a request listener so that each connection is served one request at a time. */
export const serveInTurn = (listener: Listener): Listener => {
  const connections = new WeakMap<Socket, Listener>();
  return (request, response) => {
    let connection = connections.get(request.socket);
    if (!connection) {
      connection = connectionInTurn(request.socket, listener);
      connections.set(request.socket, connection);
    }
    connection(request, response);
  };
};
