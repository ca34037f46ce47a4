// A request whose Content-Length already says it is over the body limit is answered 413 at once,
// before a byte of its body is read, and its connection closed. Left to the body parser, it would
// wait for the whole declared body first (it drains a refused body to keep the connection usable):
// `Content-Length: 999999999` with two bytes sent held the socket until it timed out.
import type { IncomingMessage, ServerResponse } from "node:http";
import { LimitCode, limitMessage } from "./limit-error";

/** Answers (and returns true) when `req` declares a body over `maxBytes`; otherwise does nothing. */
export function refuseDeclaredOversize(maxBytes: number): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const declared = Number(req.headers["content-length"]);
    if (!(declared > maxBytes)) return false;
    const body = JSON.stringify({
      errors: [
        { message: limitMessage(LimitCode.PAYLOAD_TOO_LARGE, maxBytes, declared), extensions: { code: LimitCode.PAYLOAD_TOO_LARGE } },
      ],
    });
    res.statusCode = 413;
    // `Connection: close` makes node end the connection once the answer is out: the rest of the
    // body is never read.
    res.setHeader("connection", "close");
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.setHeader("content-length", Buffer.byteLength(body));
    res.end(body);
    return true;
  };
}
