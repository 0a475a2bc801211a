import { createServer } from 'node:net';

// Prism's default port, used by other processes on shared machines.
const reservedPorts = new Set([4010]);

/** Asks the OS for a free TCP port on `host` (never Prism's default 4010). */
export const findFreePort = async (host: string): Promise<number> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, host, () => {
        const address = server.address();
        server.close(() =>
          typeof address === 'object' && address
            ? resolve(address.port)
            : reject(new Error('no port')),
        );
      });
    });
    if (!reservedPorts.has(port)) return port;
  }
  throw new Error(`could not find a free port on ${host}`);
};
