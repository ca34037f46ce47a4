// GET /metrics in Prometheus' text format. The metrics name operations and error codes, so they
// can be kept from the public: with METRICS_TOKEN set a scrape must send it as a bearer token
// (compared in constant time; 401 without it), and with METRICS_PORT they are served on a
// listener of their own (app.ts) and not on the main port.
import { createHash, timingSafeEqual } from "node:crypto";
import express, { type Router } from "express";
import type { Metrics } from "../observability/metrics";

export function metricsRouter(metrics: Metrics, options: { token?: string }): Router {
  const router = express.Router();
  const expected = options.token === undefined ? undefined : digest(options.token);
  router.get("/metrics", async (req, res) => {
    res.set("Cache-Control", "no-store");
    if (expected && !presents(req.headers.authorization, expected)) {
      res
        .status(401)
        .set("WWW-Authenticate", 'Bearer realm="metrics"')
        .json({ errors: [{ message: "The metrics need a bearer token.", extensions: { code: "UNAUTHENTICATED" } }] });
      return;
    }
    const { contentType, body } = await metrics.render();
    res.type(contentType).send(body);
  });
  return router;
}

function presents(authorization: string | undefined, expected: Buffer): boolean {
  const match = /^Bearer (.+)$/i.exec(authorization ?? "");
  // Digests have equal lengths (timingSafeEqual needs them) and hide the token's length.
  return match !== null && timingSafeEqual(digest(match[1]), expected);
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
