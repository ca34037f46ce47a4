// A TCP proxy in front of the PostgreSQL server that a test can cut and restore, to play a
// database that goes away and comes back without touching the real server:
//   cut()       — the server is gone: open connections are reset, new ones refused;
//   blackhole() — the server stops answering: connections stay open (new ones are accepted) but
//                 nothing gets through, so only timeouts can end the wait;
//   restore()   — the server is back: connections made during the outage are dropped (as TCP
//                 would after a long partition) and new ones go through again, on the same port;
//   hold() / release() — the server is slow: nothing moves until release(), then all of it does.
import net from "node:net";

export interface TcpProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  proxiedUrl(url: string): string;
  cut(): Promise<void>;
  blackhole(): void;
  restore(): Promise<void>;
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: "forward" | "blackhole" | "cut" = "forward";
  const sockets = new Set<net.Socket>();
  let held = false;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    track(client);
    if (mode !== "forward") return; // blackhole: accepted, never connected through
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    if (held) [client, upstream].forEach((socket) => socket.pause());
    client.on("data", (chunk) => mode === "forward" && upstream.write(chunk));
    upstream.on("data", (chunk) => mode === "forward" && client.write(chunk));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const destroyAll = () => sockets.forEach((socket) => socket.destroy());
  const port = await listen(0);

  return {
    port,
    proxiedUrl(url) {
      const proxied = new URL(url);
      proxied.hostname = "127.0.0.1";
      proxied.port = String(port);
      return proxied.toString();
    },
    async cut() {
      mode = "cut";
      const closed = stopListening();
      destroyAll();
      await closed;
    },
    blackhole() {
      mode = "blackhole";
    },
    hold() {
      held = true;
      sockets.forEach((socket) => socket.pause());
    },
    release() {
      held = false;
      sockets.forEach((socket) => socket.resume());
    },
    async restore() {
      if (mode === "forward") return;
      destroyAll();
      mode = "forward";
      if (!server.listening) await listen(port);
    },
    async close() {
      const closed = stopListening();
      destroyAll();
      await closed;
    },
  };
}
