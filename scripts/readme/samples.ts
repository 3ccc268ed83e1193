/**
 * The README's sample outputs: every ```text block whose lines start with
 * `$ npm run -s cli -- <arguments>` shows what the CLI printed for those arguments. This module
 * finds them, runs each through the real CLI (in-process, not a terminal: no colour, 100
 * columns), and either reports where the README differs (the test) or writes the real output in
 * (`npm run readme:samples`). A sample that ends with a line `[…]` shows only the start of the
 * output: that many lines are compared, and kept.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/adapters/cli/main.js";

const PROMPT = "$ npm run -s cli -- ";
const CUT = "[…]";

/** One command in a sample block and the output the README shows for it. */
export interface Sample {
  /** The command's line in the README (0-based). */
  readonly line: number;
  readonly argv: readonly string[];
  readonly shown: readonly string[];
  /** The README shows only the start of the output. */
  readonly cut: boolean;
}

/** The samples in README text, in order. */
export function findSamples(readme: string): Sample[] {
  const lines = readme.split("\n");
  const samples: Sample[] = [];
  let inText = false;
  let current: { line: number; argv: string[]; shown: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    while (current.shown.at(-1) === "") current.shown.pop();
    const cut = current.shown.at(-1) === CUT;
    samples.push({ ...current, shown: cut ? current.shown.slice(0, -1) : current.shown, cut });
    current = undefined;
  };
  lines.forEach((text, index) => {
    if (!inText) {
      inText = text === "```text";
      return;
    }
    if (text === "```") {
      finish();
      inText = false;
    } else if (text.startsWith(PROMPT)) {
      finish();
      current = { line: index, argv: shellWords(text.slice(PROMPT.length)), shown: [] };
    } else current?.shown.push(text);
  });
  return samples;
}

/** What the CLI prints on stdout for `argv`, as lines (files it saves go to a scratch folder). */
export async function realOutput(argv: readonly string[]): Promise<string[]> {
  const scratch = mkdtempSync(join(tmpdir(), "readme-sample-"));
  let stdout = "";
  try {
    await main(argv, {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => {},
      terminal: { color: false, width: 100 },
      cwd: scratch,
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const lines = stdout.split("\n").map((line) => line.trimEnd());
  while (lines.at(-1) === "") lines.pop();
  return lines;
}

/** The lines of the real output a sample should show (its start, when the sample is cut). */
export function expectedLines(sample: Sample, real: readonly string[]): string[] {
  return sample.cut ? real.slice(0, sample.shown.length) : [...real];
}

/** The README with every sample's output replaced by the real one. */
export async function refreshSamples(readme: string): Promise<string> {
  const lines = readme.split("\n");
  // From the last sample up, so earlier line numbers stay valid.
  for (const sample of findSamples(readme).reverse()) {
    const real = expectedLines(sample, await realOutput(sample.argv));
    let end = sample.line + 1;
    while (!lines[end]?.startsWith("$ ") && lines[end] !== "```") end++;
    const separator = lines[end]?.startsWith("$ ") ? [""] : [];
    lines.splice(
      sample.line + 1,
      end - sample.line - 1,
      ...real,
      ...(sample.cut ? [CUT] : []),
      ...separator,
    );
  }
  return lines.join("\n");
}

/** Words of a command line as a POSIX shell splits them (double and single quotes). */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
    words.push(match[1] ?? match[2] ?? match[3] ?? "");
  return words;
}
