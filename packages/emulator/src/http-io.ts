import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest body the emulator reads; the API's own bodies are tiny. */
export const maxBodyBytes = 64 * 1024;

export class BodyTooLargeError extends Error {}

/** Reads the request body, refusing more than `maxBodyBytes`. */
export const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    request.on('end', () =>
      tooLarge ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks)),
    );
    request.on('error', reject);
  });

export const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
};

// What a gateway in front of the API sends when the API is unreachable (the API
// doc names 502 as the example of a non-200 status; the spec's 502 is text/html).
const badGatewayPage =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

export const sendBadGateway = (response: ServerResponse): void => {
  response.writeHead(502, {
    'content-type': 'text/html',
    'content-length': Buffer.byteLength(badGatewayPage),
  });
  response.end(badGatewayPage);
};

/** Sends the headers and the first half of a JSON body, then cuts the connection. */
export const sendTruncatedJson = (response: ServerResponse, body: unknown): void => {
  const bytes = Buffer.from(JSON.stringify(body));
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': bytes.length,
  });
  response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => response.socket?.destroy());
};
