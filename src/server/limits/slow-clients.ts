// Slow clients (slowloris: headers trickled, or a body trickled) must not hold sockets for
// minutes. node's HTTP server bounds them itself once told how long: the headers, the whole
// request, and an idle keep-alive connection each get a timeout (HTTP_*_TIMEOUT_MS), checked
// every `connectionsCheckingInterval` (30 s by default in node: too coarse for short bounds).
// What node answers a client it gives up on (a timeout, malformed HTTP) is a bare status line;
// here it is the same JSON error shape as every other refusal.
import type { Duplex } from "node:stream";
import type { ServerOptions } from "node:http";
import type { HttpTimeoutsConfig } from "../../config";

/** node:http's options for these bounds. */
export function httpServerTimeouts(timeouts: HttpTimeoutsConfig): ServerOptions {
  return {
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    // A tenth of the shortest bound, at most a second: a slow client is cut within ~10% of it.
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(Math.min(timeouts.headersTimeoutMs, timeouts.requestTimeoutMs) / 10))),
  };
}

/** Status, reason and code of the refusals node leaves to a `clientError` listener. */
function refusalOf(error: NodeJS.ErrnoException): [number, string, string, string] | undefined {
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return [408, "Request Timeout", "REQUEST_TIMEOUT", "The request took too long to arrive."];
  if (error.code === "HPE_HEADER_OVERFLOW") return [431, "Request Header Fields Too Large", "BAD_REQUEST", "The request's headers are too large."];
  if (error.code?.startsWith("HPE_")) return [400, "Bad Request", "BAD_REQUEST", "The request is not valid HTTP."];
  return undefined;
}

/** node's `clientError` listener: a JSON refusal where nothing was sent yet, then the socket closes. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const refusal = refusalOf(error);
  // As node itself: write only where no response has started on this socket.
  const responding = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent ?? false;
  if (refusal && socket.writable && !responding) {
    const [status, reason, code, message] = refusal;
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
