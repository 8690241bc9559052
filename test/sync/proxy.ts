/**
 * A TCP proxy between the client and MariaDB that can cut every connection once a given number
 * of bytes has passed in one direction: "down" (server → client, e.g. mid-pull) or "up"
 * (client → server, e.g. mid-push). The network fault is real: sockets are destroyed.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export type Direction = 'up' | 'down';

export class CuttingProxy {
  private server: Server | null = null;
  private readonly pairs = new Set<[Socket, Socket]>();
  private armed: { dir: Direction; left: number } | null = null;
  cuts = 0;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Listens on `port` (0: any free one; a number: come back on an earlier proxy's port). */
  async start(port = 0): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      const forward = (from: Socket, to: Socket, dir: Direction) =>
        from.on('data', (chunk: Buffer) => {
          if (this.armed && this.armed.dir === dir) {
            this.armed.left -= chunk.length;
            if (this.armed.left <= 0) {
              // Let part of this chunk through, so the cut lands mid-message.
              to.write(chunk.subarray(0, Math.max(0, chunk.length + this.armed.left) >> 1));
              this.cutAll();
              return;
            }
          }
          to.write(chunk);
        });
      forward(client, upstream, 'up');
      forward(upstream, client, 'down');
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
      };
      for (const s of pair) {
        s.on('error', close);
        s.on('close', close);
      }
    });
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Cuts all connections after `bytes` more bytes in `dir`. */
  arm(dir: Direction, bytes: number): void {
    this.armed = { dir, left: bytes };
  }

  disarm(): void {
    this.armed = null;
  }

  private cutAll(): void {
    this.armed = null;
    this.cuts++;
    for (const [a, b] of this.pairs) {
      a.destroy();
      b.destroy();
    }
    this.pairs.clear();
  }

  async stop(): Promise<void> {
    this.cutAll();
    await new Promise((r) => this.server?.close(r));
  }
}
