/** Runs the built CLI and the built program (`npm test` builds first), as the checks in issue 7 do. */
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import type { Answer } from "../../src/core/answer.js";
import { projectRoot } from "../../src/core/paths.js";

const exec = promisify(execFile);

/** `npm run -s cli -- <args> --json`, parsed. */
export async function cliJson(...args: string[]): Promise<Answer> {
  const { stdout } = await exec(
    process.execPath,
    [`${projectRoot()}/dist/src/adapters/cli/main.js`, ...args, "--json"],
    {
      cwd: projectRoot(),
    },
  );
  return JSON.parse(stdout) as Answer;
}

/** `npm run -s cli -- <args>`, as text. */
export async function cliText(...args: string[]): Promise<string> {
  const { stdout } = await exec(
    process.execPath,
    [`${projectRoot()}/dist/src/adapters/cli/main.js`, ...args],
    {
      cwd: projectRoot(),
    },
  );
  return stdout;
}

/** `npm start` in console mode with `lines` piped to stdin; resolves with everything printed. */
export function consoleSession(lines: readonly string[]): Promise<string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    LOG_LEVEL: "silent",
    DRILL_SECRET: "console-test-secret",
  };
  const child = spawn(process.execPath, [`${projectRoot()}/dist/src/main.js`], {
    cwd: projectRoot(),
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString("utf8");
  });
  child.stdin.end(lines.map((l) => `${l}\n`).join(""));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", () => resolve(out));
  });
}
