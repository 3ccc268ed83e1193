import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  BodyTooLargeError,
  type RouteHandler,
  type RunningHttpServer,
  readBody,
  sendJson,
  startHttpServer,
} from "../../../src/adapters/http/server.js";
import { capturedLogger } from "../../helpers/captured-logger.js";

let running: RunningHttpServer | undefined;
afterEach(async () => {
  await running?.close(500);
  running = undefined;
});

async function serve(routes: Record<string, RouteHandler>) {
  const log = capturedLogger();
  running = await startHttpServer({ host: "127.0.0.1", port: 0, routes, logger: log.logger });
  return { url: running.url, log };
}

function openSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Reads one whole response from a socket the server closes afterwards. */
function responseOf(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("end", () => resolve(text));
  });
}

describe("the shared HTTP server", () => {
  it("answers health checks and refuses unknown paths", async () => {
    const { url } = await serve({});
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const unknown = await fetch(`${url}/nowhere`, { method: "POST" });
    expect(unknown.status).toBe(404);
  });

  it("hands unknown paths to the notFound handler when one is given", async () => {
    const log = capturedLogger();
    running = await startHttpServer({
      host: "127.0.0.1",
      port: 0,
      routes: {
        "/known": (_request, response) => {
          response.end("known");
        },
      },
      notFound: (request, response) => {
        response.writeHead(404, { "content-type": "text/plain" });
        response.end(`no page at ${request.url}`);
      },
      logger: log.logger,
    });
    const unknown = await fetch(`${running.url}/nowhere?x=1`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("no page at /nowhere?x=1");
    expect(await (await fetch(`${running.url}/known`)).text()).toBe("known");
    // Names on Object.prototype are not routes.
    expect((await fetch(`${running.url}/constructor`)).status).toBe(404);
    expect(await (await fetch(`${running.url}/healthz`)).json()).toEqual({ ok: true });
  });

  it("answers 500 and logs the cause when a route's handler fails", async () => {
    const { url, log } = await serve({
      "/broken": () => {
        throw new Error("a bug in the handler");
      },
    });
    const response = await fetch(`${url}/broken`, { method: "POST", body: "{}" });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "internal error" });
    const line = await log.waitFor((l) => l.msg === "HTTP handler failed");
    expect(line).toMatchObject({ path: "/broken", err: { message: "a bug in the handler" } });
  });

  it("answers 413 to a body over the route's limit", async () => {
    const { url } = await serve({
      "/small": async (request, response) => {
        await readBody(request, 8);
        sendJson(response, 200, { ok: true });
      },
    });
    const response = await fetch(`${url}/small`, { method: "POST", body: "x".repeat(64) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "body too large" });
    expect(new BodyTooLargeError("x")).toBeInstanceOf(Error);
  });

  it("starts requests that arrive together one per turn of the event loop, in order", async () => {
    // Counts turns of the event loop while the test runs.
    let turn = 0;
    let counting = true;
    const tick = () => {
      turn++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const startedAt: { body: string; turn: number }[] = [];
    const { url } = await serve({
      "/work": async (request, response) => {
        const body = (await readBody(request)).toString("utf8");
        startedAt.push({ body, turn });
        sendJson(response, 200, { body });
      },
    });
    const accepted = new Promise<void>((resolve) => {
      let count = 0;
      running?.server.on("connection", () => ++count === 5 && resolve());
    });
    const sockets = await Promise.all(Array.from({ length: 5 }, () => openSocket(url)));
    await accepted;
    const responses = sockets.map(responseOf);
    // Written back to back, so all five are waiting when the server next polls its sockets.
    for (const [i, socket] of sockets.entries())
      socket.write(
        `POST /work HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Length: 2\r\n\r\nr${i}`,
      );
    const texts = await Promise.all(responses);
    counting = false;
    for (const [i, text] of texts.entries()) expect(text).toContain(`{"body":"r${i}"}`);
    expect(startedAt.map((s) => s.body)).toEqual(["r0", "r1", "r2", "r3", "r4"]);
    const turns = startedAt.map((s) => s.turn);
    expect(new Set(turns).size).toBe(turns.length);
  });
});
