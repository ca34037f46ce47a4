// HTTP/1.1 written byte by byte on a plain TCP socket, on a schedule: for tests of clients that
// send slowly, stall, or declare more than they send, which fetch cannot be made to do.
import net from "node:net";

export interface SocketExchange {
  /** Everything the server sent, as text. */
  received: string;
  /** Milliseconds from connecting until the server closed the connection. */
  closedAfterMs: number;
}

/**
 * Connects to `baseUrl`'s host and port, writes each part after waiting its `delayMs` (a part
 * is skipped once the server has closed), and resolves when the server closes the connection,
 * or rejects when it has not closed within `timeoutMs`.
 */
export function socketExchange(baseUrl: string, parts: { delayMs?: number; data: string }[], timeoutMs: number): Promise<SocketExchange> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect({ host: hostname, port: Number(port) });
    let received = "";
    let closed = false;
    const timers: NodeJS.Timeout[] = [];
    const deadline = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server had not closed the connection after ${timeoutMs} ms; received: ${JSON.stringify(received)}`));
    }, timeoutMs);
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    // The server may reset the connection after answering (it does not read what is left).
    socket.on("error", () => undefined);
    socket.on("close", () => {
      closed = true;
      clearTimeout(deadline);
      for (const timer of timers) clearTimeout(timer);
      resolve({ received, closedAfterMs: performance.now() - started });
    });
    socket.on("connect", () => {
      let at = 0;
      for (const part of parts) {
        at += part.delayMs ?? 0;
        timers.push(setTimeout(() => !closed && socket.write(part.data), at));
      }
    });
  });
}

/** The status, headers (lower-cased names) and body of the one response in `text`. */
export function parseResponse(text: string): { status: number; headers: Record<string, string>; body: string } {
  const end = text.indexOf("\r\n\r\n");
  const [statusLine, ...lines] = text.slice(0, end).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(" ")[1]), headers, body: text.slice(end + 4) };
}
