// The last handlers of the express app: a path nothing serves gets a JSON 404, and an error a
// route passed on a JSON error with its 4xx status (500 otherwise), instead of express's HTML
// pages, which show a stack trace unless express itself reads NODE_ENV=production.
import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../../observability/logger";

const jsonError = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json(jsonError("Not found.", "NOT_FOUND"));
};

export function errorAsJson(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: unknown } | null)?.status;
    if (status === 404) {
      res.status(404).json(jsonError("Not found.", "NOT_FOUND"));
    } else if (typeof status === "number" && status >= 400 && status < 500) {
      res.status(status).json(jsonError("The request could not be served.", "BAD_REQUEST"));
    } else {
      logger.error({ err: error, path: req.path }, "unexpected error while serving HTTP");
      res.status(500).json(jsonError("Unexpected error.", "INTERNAL_SERVER_ERROR"));
    }
  };
}
