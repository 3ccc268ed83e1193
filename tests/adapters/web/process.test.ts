/**
 * The built programs from the outside: `npm run web` (dist/src/adapters/web/main.js) serves the
 * page with no chat tokens and prints its address; `npm start` in console mode (dist/src/main.js)
 * serves it beside the console and says where.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
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

function start(script: string) {
  const child = spawn(process.execPath, [join(root, "dist", ...script.split("/"))], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "silent" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
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
        reject(new Error(`exited before printing ${pattern}; printed: ${out}`));
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
});
