/**
 * The one HTTP server every HTTP-mode adapter shares (Discord interactions, Slack events), plus
 * `GET /healthz`. Adapters contribute routes; the server only dispatches and bounds bodies.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../../logger.js";
import { ArrivalQueue } from "./arrival-queue.js";

export type RouteHandler = (
  request: IncomingMessage,
  response: ServerResponse,
) => void | Promise<void>;

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  /** Exact paths, e.g. `"/discord/interactions"`; each handler decides which methods it accepts. */
  readonly routes: Readonly<Record<string, RouteHandler>>;
  /** Answers paths no route serves (e.g. the web page's 404 page); a JSON 404 when not set. */
  readonly notFound?: RouteHandler;
  readonly logger: Logger;
}

export interface RunningHttpServer {
  readonly server: Server;
  /** e.g. `http://127.0.0.1:3000` */
  readonly url: string;
  /** Stops accepting connections and waits for in-flight requests, at most `graceMs`. */
  close(graceMs?: number): Promise<void>;
}

/** Requests larger than this are refused before they are read: no platform sends more. */
export const MAX_BODY_BYTES = 256 * 1024;

export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

/** Reads a request body as raw bytes, refusing anything over `limit`. */
export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > limit) throw new BodyTooLargeError(`request body over ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(`request body over ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

export function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  // Health checks are answered at once; routes wait their turn (see ArrivalQueue for why).
  const arrivals = new ArrivalQueue();
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    if (path === "/healthz" && (request.method === "GET" || request.method === "HEAD")) {
      sendJson(response, 200, { ok: true });
      return;
    }
    const handler = Object.hasOwn(options.routes, path) ? options.routes[path] : options.notFound;
    if (!handler) {
      sendJson(response, 404, { error: "not found" });
      return;
    }
    arrivals.admit(() => {
      Promise.resolve()
        .then(() => handler(request, response))
        .catch((error: unknown) => {
          options.logger.error({ err: error, path }, "HTTP handler failed");
          if (!response.headersSent)
            sendJson(response, error instanceof BodyTooLargeError ? 413 : 500, {
              error: error instanceof BodyTooLargeError ? "body too large" : "internal error",
            });
          else response.end();
        });
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
      options.logger.info(
        { url: `http://${host}:${address.port}`, routes: Object.keys(options.routes) },
        "HTTP server listening",
      );
      resolve({
        server,
        url: `http://${host}:${address.port}`,
        close: (graceMs = 5_000) =>
          new Promise<void>((done) => {
            const timer = setTimeout(() => {
              server.closeAllConnections();
              done();
            }, graceMs);
            timer.unref();
            // Keep-alive connections go idle once their last response is sent: close them then,
            // rather than waiting for the client to hang up.
            const sweep = setInterval(() => server.closeIdleConnections(), 50);
            sweep.unref();
            server.close(() => {
              clearTimeout(timer);
              clearInterval(sweep);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
