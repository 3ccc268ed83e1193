/**
 * Map rendering speed: /map as PNG around a focus, cold (the first picture in a fresh process,
 * which loads Graphviz's WebAssembly and resvg) and warm, and the whole map warm. Called by
 * `npm run bench`; `node dist/scripts/bench-map.js` prints its table alone.
 */
import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { catalogue } from "../commands/index.js";
import { createCore } from "../src/core/core.js";
import { findCommand } from "../src/core/dispatch.js";
import { executeCommand } from "../src/core/execute.js";
import { defaultCorpusRoot } from "../src/core/paths.js";
import { type BenchRow, percentile, printTable } from "./bench-table.js";

const FOCUS = { focus: "coalition", depth: 2 } as const;

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Runs /map with `options` `rounds` times after `warmup` unmeasured runs; returns milliseconds. */
async function timeMap(
  options: Record<string, unknown>,
  rounds: number,
  warmup: number,
): Promise<number[]> {
  const core = createCore(defaultCorpusRoot());
  const command = findCommand(catalogue, "map");
  if (!command) throw new Error("bench-map: no /map command in the catalogue");
  const times: number[] = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const t = performance.now();
    const answer = await executeCommand(core, command, options);
    const elapsed = performance.now() - t;
    if (answer.status !== "ok" || !answer.attachments?.[0])
      throw new Error(`bench-map: /map answered ${answer.status}`);
    if (i >= warmup) times.push(elapsed);
  }
  return times;
}

/**
 * The first /map PNG in a fresh Node process, timed inside that process (corpus loading is not
 * counted: it is start-up, benchmarked elsewhere).
 */
function coldFocusPng(): number {
  const url = (path: string) => pathToFileURL(fileURLToPath(new URL(path, import.meta.url))).href;
  const script = `
    const { catalogue } = await import(${JSON.stringify(url("../commands/index.js"))});
    const { createCore } = await import(${JSON.stringify(url("../src/core/core.js"))});
    const { executeCommand } = await import(${JSON.stringify(url("../src/core/execute.js"))});
    const { defaultCorpusRoot } = await import(${JSON.stringify(url("../src/core/paths.js"))});
    const core = createCore(defaultCorpusRoot());
    const command = catalogue.find((c) => c.name === "map");
    const t = performance.now();
    const answer = await executeCommand(core, command, ${JSON.stringify(FOCUS)});
    const elapsed = performance.now() - t;
    if (answer.status !== "ok") throw new Error("map answered " + answer.status);
    process.stdout.write(String(elapsed));
  `;
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  return Number(output.trim());
}

/** Rows for `npm run bench`: cold and warm focus PNG, whole map PNG. */
export async function benchMap(): Promise<BenchRow[]> {
  const cold = [coldFocusPng(), coldFocusPng(), coldFocusPng()];
  const focus = await timeMap(FOCUS, 20, 3);
  const whole = await timeMap({}, 10, 2);
  return [
    {
      corpus: "shipped",
      measure: "/map coalition depth 2 PNG, cold: first in a fresh process (p50 of 3)",
      value: ms(percentile(cold, 50)),
      target: "< 1 s",
    },
    {
      corpus: "shipped",
      measure: `/map coalition depth 2 PNG, warm p50 / p99 (${focus.length})`,
      value: `${ms(percentile(focus, 50))} / ${ms(percentile(focus, 99))}`,
      target: "< 300 ms",
    },
    {
      corpus: "shipped",
      measure: `/map whole map PNG, warm p50 / p99 (${whole.length})`,
      value: `${ms(percentile(whole, 50))} / ${ms(percentile(whole, 99))}`,
      target: "< 1 s",
    },
  ];
}

const script = process.argv[1];
if (script && import.meta.url === pathToFileURL(realpathSync(script)).href) {
  printTable(await benchMap());
}
