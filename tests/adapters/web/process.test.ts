/**
 * The built programs from the outside: `npm run web` (dist/src/adapters/web/main.js) serves the
 * page with no chat tokens and prints its address; `npm start` in console mode (dist/src/main.js)
 * serves it beside the console and says where.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "../../../src/core/paths.js";

const root = projectRoot();
/** Outside the project, so no developer's .env is read. */
const cwd = mkdtempSync(join(tmpdir(), "web-process-"));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function start(script: string, port = 0) {
  const child = spawn(process.execPath, [join(root, "dist", ...script.split("/"))], {
    cwd,
    env: {
      PATH: process.env.PATH ?? "",
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "silent",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  // "close", not "exit": by then everything the program printed has been read.
  const exited = new Promise<number | null>((resolve) =>
    child.on("close", (code) => resolve(code)),
  );
  const printed = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(out);
        if (match) {
          clearInterval(timer);
          resolve(match);
        }
      };
      const timer = setInterval(check, 20);
      void exited.then(() => {
        clearInterval(timer);
        const match = pattern.exec(out);
        if (match) resolve(match);
        else reject(new Error(`exited before printing ${pattern}; printed: ${out}`));
      });
    });
  return { child, exited, printed };
}

describe("npm run web", () => {
  it("serves /healthz and /map on HOST/PORT with no chat tokens, prints the address, stops on SIGTERM", async () => {
    const web = start("src/adapters/web/main.js");
    const [, url] = await web.printed(/The argument map: (http:\/\/127\.0\.0\.1:\d+\/map)\n/);
    const origin = new URL(url as string).origin;
    expect(await (await fetch(`${origin}/healthz`)).json()).toEqual({ ok: true });
    const page = await fetch(`${origin}/map?focus=coalition`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await page.text()).toContain("Argument map around: Coalition of the willing");
    web.child.kill("SIGTERM");
    expect(await web.exited).toBe(0);
  });
});

describe("npm start in console mode", () => {
  it("serves the page beside the console and says where", async () => {
    const program = start("src/main.js");
    const [, url] = await program.printed(
      /The argument map as a web page: (http:\/\/127\.0\.0\.1:\d+\/map)\n/,
    );
    const page = await fetch(url as string);
    expect(page.status).toBe(200);
    await program.printed(/type \/help for commands/);
    program.child.stdin?.end("exit\n");
    expect(await program.exited).toBe(0);
  });

  it("keeps the console when the page's port is taken, and says how to free it", async () => {
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const { port } = squatter.address() as AddressInfo;
    try {
      const program = start("src/main.js", port);
      await program.printed(/The argument map page could not start on 127\.0\.0\.1:\d+ .*set PORT/);
      await program.printed(/type \/help for commands/);
      program.child.stdin?.end("pillar coalition\nexit\n");
      await program.printed(/Pillar: Coalition of the willing/);
      expect(await program.exited).toBe(0);
    } finally {
      squatter.close();
    }
  });
});
