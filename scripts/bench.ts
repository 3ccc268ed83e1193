/**
 * `npm run bench`: start-up, search and full-command latency on the shipped corpus and on a
 * synthetic corpus of 20,000 paragraphs, printed as a table. A benchmark, not a test: it reports
 * figures and the targets beside them, and never fails a build.
 */
import { execFileSync } from "node:child_process";
import { catalogue } from "../commands/index.js";
import { renderTerminal } from "../src/adapters/console/render.js";
import { createCore } from "../src/core/core.js";
import { runLine } from "../src/core/dispatch.js";
import { defaultCorpusRoot, projectRoot } from "../src/core/paths.js";
import { benchMap } from "./bench-map.js";
import { type BenchRow, percentile, printTable } from "./bench-table.js";
import { writeSyntheticCorpus } from "./synthetic-corpus.js";

const QUERIES = [
  "Is the JEF legally binding?",
  "what is the European Israel scenario",
  "finland and sweden ratification delay",
  "coalitoin of the wiling",
  "joint procurement EDIRPA ASAP",
  "can cautious states block the coalition",
  "PESCO third states",
  "offensive weapons battlefield",
  "Art. 5 mutual defence clause",
  "why is EU membership important militarily",
];
const COMMANDS = [
  "/why-not-jef",
  "/pillar coalition",
  "/pillar g7",
  "/pillar europe",
  "/claim coal-speed",
  "/counter NATO membership",
  "/glossary PESCO",
  "/sources",
  ...QUERIES.map((q) => `/search ${q}`),
  ...QUERIES.slice(0, 5),
];

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const PLAIN = { color: false, width: 100 } as const;
const ms = (n: number) => `${n < 1 ? n.toFixed(3) : n.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function benchCorpus(
  name: string,
  root: string,
  targets: { startup: string; command: string },
  rounds: { warmup: number; measured: number },
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const startups: number[] = [];
  createCore(root); // warm the parse cache and the JIT
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    createCore(root);
    startups.push(performance.now() - t);
  }
  // The heap one loaded corpus keeps alive: measured between full collections (--expose-gc).
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const core = createCore(root);
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  rows.push({
    corpus: name,
    measure: "start-up: load + validate + index (p50 of 5)",
    value: ms(percentile(startups, 50)),
    target: targets.startup,
  });
  rows.push({
    corpus: name,
    measure: "heap kept by the loaded corpus and index",
    value: mib(heapAfter - heapBefore),
    target: "",
  });

  // Like any benchmark harness, measure after the JIT has compiled the hot paths; the cold start
  // of a whole process is the one-shot CLI row.
  for (let round = 0; round < rounds.warmup; round++) {
    for (const query of QUERIES) core.search.searchParagraphs(query);
    for (const line of COMMANDS) renderTerminal(await runLine(core, catalogue, line), PLAIN);
  }
  const search: number[] = [];
  const commands: number[] = [];
  for (let round = 0; round < rounds.measured; round++) {
    for (const query of QUERIES) {
      const t = performance.now();
      core.search.searchParagraphs(query);
      search.push(performance.now() - t);
    }
    for (const line of COMMANDS) {
      const t = performance.now();
      const answer = await runLine(core, catalogue, line);
      renderTerminal(answer, PLAIN);
      commands.push(performance.now() - t);
    }
  }
  rows.push({
    corpus: name,
    measure: `search p50 / p99 (${search.length} queries)`,
    value: `${ms(percentile(search, 50))} / ${ms(percentile(search, 99))}`,
    target: "",
  });
  rows.push({
    corpus: name,
    measure: `command → Answer → render p50 / p99 (${commands.length})`,
    value: `${ms(percentile(commands, 50))} / ${ms(percentile(commands, 99))}`,
    target: targets.command,
  });
  rows.push(oneCommonWord(name, core));
  return rows;
}

/**
 * What minisearch itself costs for one frequent word: it scores every unit holding a query term,
 * so this is a floor for any question that uses the word.
 */
function oneCommonWord(name: string, core: ReturnType<typeof createCore>): BenchRow {
  const word = "defence";
  const paragraphs = core.corpus.documents.flatMap((d) => d.paragraphs);
  const holding = paragraphs.filter((p) => /\bdefences?\b/i.test(p.text)).length;
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    core.search.searchParagraphs(word);
    times.push(performance.now() - t);
  }
  return {
    corpus: name,
    measure: `search for one word, “${word}” (in ${holding} of ${paragraphs.length} paragraphs), p50`,
    value: ms(percentile(times, 50)),
    target: "",
  };
}

function cliWallTime(): BenchRow {
  const cli = `${projectRoot()}/dist/src/adapters/cli/main.js`;
  execFileSync(process.execPath, [cli, "why-not-jef"]); // warm the parse cache and the disk cache
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    execFileSync(process.execPath, [cli, "why-not-jef"]);
    times.push(performance.now() - t);
  }
  return {
    corpus: "shipped",
    measure: "one-shot `cli why-not-jef` wall time (p50 of 7)",
    value: ms(percentile(times, 50)),
    target: "< 500 ms",
  };
}

const shippedRoot = defaultCorpusRoot();
const rows: BenchRow[] = [];
rows.push(
  ...(await benchCorpus(
    "shipped",
    shippedRoot,
    { startup: "< 150 ms", command: "p99 < 1 ms" },
    { warmup: 20, measured: 200 },
  )),
);
rows.push(cliWallTime());
const synthetic = writeSyntheticCorpus(createCore(shippedRoot).corpus, 20_000);
createCore(synthetic); // first load parses and caches the YAML; later loads measure the pipeline
rows.push(
  ...(await benchCorpus(
    "20,000 paragraphs",
    synthetic,
    { startup: "", command: "p99 < 10 ms" },
    { warmup: 1, measured: 8 },
  )),
);

if (!process.argv.includes("--no-map")) rows.push(...(await benchMap()));
printTable(rows);
