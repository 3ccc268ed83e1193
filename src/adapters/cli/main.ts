/**
 * One-shot CLI: `npm run -s cli -- <command> [args…] [--json]`. Prints one answer and exits:
 * 0 for an answer, 2 for invalid usage (with a usage message), 1 when the command failed.
 * `--json` prints the Answer as JSON, a contract for scripts (see README). `--out <file>` saves
 * the answer's file (e.g. `map --focus coalition --out map.png`); `export <format>` prints the
 * export itself.
 */
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import "dotenv/config";
import { catalogue } from "../../../commands/index.js";
import { ConfigError, parseConfig } from "../../config.js";
import type { Answer } from "../../core/answer.js";
import { createCore } from "../../core/core.js";
import { useParsedYamlStore } from "../../core/corpus/parse-yaml.js";
import { CorpusError } from "../../core/corpus/problems.js";
import { runCommandText } from "../../core/dispatch.js";
import { renderTerminal } from "../console/render.js";
import { fileYamlStore } from "../yaml-cache.js";
import { printableFile, saveAttachment, takeOutOption } from "./files.js";
import { answerToJson } from "./json.js";

export const USAGE = `Usage: npm run -s cli -- <command> [arguments…] [--json] [--out <file>]
Commands: ${catalogue.map((c) => c.name).join(", ")}
Examples:
  npm run -s cli -- pillar coalition
  npm run -s cli -- search "Is the JEF legally binding?" --json
  npm run -s cli -- map --focus coalition --depth 2 --out map.png
  npm run -s cli -- export argdown > argument-map.argdown`;

/** Where the CLI writes, and what it knows of the terminal: the process's, unless a caller says. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour and width, when stdout is a terminal. */
  readonly terminal: { readonly color: boolean; readonly width: number };
  /** The directory relative `--out` paths start from. */
  readonly cwd: string;
}

function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    terminal: { color: !!process.stdout.isTTY, width: process.stdout.columns ?? 100 },
    // npm runs scripts in the package root; a relative --out means the caller's directory.
    cwd: process.env.INIT_CWD || ".",
  };
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const outOption = takeOutOption(argv);
  if (!outOption.ok) {
    io.stderr(`${outOption.problem}\n\n${USAGE}\n`);
    return 2;
  }
  const { out } = outOption;
  const json = outOption.args.includes("--json");
  const args = outOption.args.filter((a) => a !== "--json");
  const [name, ...rest] = args;
  if (!name || name === "--help" || name === "-h") {
    io.stderr(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const config = parseConfig(process.env);
  useParsedYamlStore(fileYamlStore());
  // The drill secret lets a round started in one call be continued in the next.
  const core = createCore(
    config.corpusDir,
    config.drillSecret ? { drillSecret: config.drillSecret } : {},
  );
  const quoted = rest
    .map((a) => (/\s/.test(a) && !/^--/.test(a) ? `"${a.replace(/"/g, "'")}"` : a))
    .join(" ");
  const answer: Answer = await runCommandText(core, catalogue, name, quoted, {
    onError: (error, reference) =>
      io.stderr(
        `${reference}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      ),
  });
  const saved = out === undefined ? undefined : saveAttachment(answer, resolve(io.cwd, out), out);
  const file = out === undefined && !json ? printableFile(answer) : undefined;
  if (saved?.ok) {
    io.stdout(`${answer.title}\n${saved.message}\n`);
    for (const line of [...(answer.notices ?? []), ...answer.notes]) io.stderr(`  • ${line}\n`);
    return 0;
  }
  if (file !== undefined) {
    io.stdout(file);
    return 0;
  }
  if (json) io.stdout(`${JSON.stringify(answerToJson(answer), null, 2)}\n`);
  else io.stdout(`${renderTerminal(answer, io.terminal)}\n`);
  if (
    answer.status === "invalid-input" ||
    (answer.status === "not-found" && answer.command === "help" && name !== "help")
  ) {
    io.stderr(`\n${USAGE}\n`);
    return 2;
  }
  if (saved) {
    io.stderr(`${saved.message}\n`);
    return 1;
  }
  return answer.status === "error" ? 1 : 0;
}

/** Whether this module is the program being run (not imported, e.g. by a test). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  return !!script && import.meta.url === pathToFileURL(realpathSync(script)).href;
}

if (isEntryPoint()) {
  // `cli export argdown | head` closes the pipe early: that is the reader's choice, not a failure.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `${error instanceof CorpusError || error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
