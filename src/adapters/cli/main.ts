/**
 * One-shot CLI: `npm run -s cli -- <command> [args…] [--json]`. Prints one answer and exits:
 * 0 for an answer, 2 for invalid usage (with a usage message), 1 when the command failed.
 * `--json` prints the Answer as JSON, a contract for scripts (see README).
 */
import { catalogue } from "../../../commands/index.js";
import type { Answer } from "../../core/answer.js";
import { createCore } from "../../core/core.js";
import { CorpusError } from "../../core/corpus/problems.js";
import { runCommandText } from "../../core/dispatch.js";
import { defaultCorpusRoot } from "../../core/paths.js";
import { renderTerminal } from "../console/render.js";
import { answerToJson } from "./json.js";

export const USAGE = `Usage: npm run -s cli -- <command> [arguments…] [--json]
Commands: ${catalogue.map((c) => c.name).join(", ")}
Examples:
  npm run -s cli -- pillar coalition
  npm run -s cli -- search "Is the JEF legally binding?" --json`;

export async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes("--json");
  const args = argv.filter((a) => a !== "--json");
  const [name, ...rest] = args;
  if (!name || name === "--help" || name === "-h") {
    process.stderr.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const core = createCore(process.env.CORPUS_DIR || defaultCorpusRoot());
  const quoted = rest
    .map((a) => (/\s/.test(a) && !/^--/.test(a) ? `"${a.replace(/"/g, "'")}"` : a))
    .join(" ");
  const answer: Answer = await runCommandText(core, catalogue, name, quoted, {
    onError: (error, reference) =>
      process.stderr.write(
        `${reference}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      ),
  });
  if (json) process.stdout.write(`${JSON.stringify(answerToJson(answer), null, 2)}\n`);
  else
    process.stdout.write(
      `${renderTerminal(answer, { color: !!process.stdout.isTTY, width: process.stdout.columns ?? 100 })}\n`,
    );
  if (
    answer.status === "invalid-input" ||
    (answer.status === "not-found" && answer.command === "help" && name !== "help")
  ) {
    process.stderr.write(`\n${USAGE}\n`);
    return 2;
  }
  return answer.status === "error" ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof CorpusError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
