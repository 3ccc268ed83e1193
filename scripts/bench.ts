/**
 * `npm run bench`: search quality on the student question set (ours and plain minisearch, both
 * halves), and start-up, saved-index load, heap, search and full-command latency on three corpora:
 * the shipped reading, the State of the Union addresses cut into ~20,000 passages (real prose),
 * and a synthetic 20,000-paragraph corpus (the worst case: every word in thousands of paragraphs).
 * A benchmark, not a test: it reports figures and the targets beside them, and never fails a build.
 *
 *   npm run bench                 the table, for people
 *   npm run -s bench -- --json    one JSON object, for scripts
 *   npm run bench -- --no-map     without the map-picture rows
 */
import { execFileSync } from "node:child_process";
import { catalogue } from "../commands/index.js";
import { renderTerminal } from "../src/adapters/console/render.js";
import { type Core, createCore } from "../src/core/core.js";
import { runLine } from "../src/core/dispatch.js";
import { defaultCorpusRoot, projectRoot } from "../src/core/paths.js";
import { isCommonEnglishWord } from "../src/core/search/english.js";
import { SearchIndex } from "../src/core/search/search-index.js";
import { benchMap } from "./bench-map.js";
import { type BenchRow, percentile, printTable } from "./bench-table.js";
import { hit1ByStyle, type Quality, type QuestionGroup, qualityReport } from "./search-quality.js";
import { writeSotuCorpus } from "./sotu-corpus.js";
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
  "/para 13",
  ...QUERIES.map((q) => `/search ${q}`),
  ...QUERIES.slice(0, 5),
];

interface CorpusFigures {
  readonly name: "shipped" | "sotu" | "synthetic";
  readonly paragraphs: number;
  readonly startupMs: number;
  readonly loadSavedIndexMs: number;
  readonly heapMiB: number;
  readonly searchP50Ms: number;
  readonly searchP99Ms: number;
  readonly commandP50Ms: number;
  readonly commandP99Ms: number;
}

const json = process.argv.includes("--json");
const PLAIN = { color: false, width: 100 } as const;

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function progress(message: string): void {
  if (!json) process.stderr.write(`${message}\n`);
}

async function benchCorpus(
  name: CorpusFigures["name"],
  root: string,
  rounds: { startups: number; warmup: number; measured: number },
): Promise<CorpusFigures> {
  progress(`bench: ${name}…`);
  createCore(root); // warm the parse cache and the JIT
  const startups: number[] = [];
  for (let i = 0; i < rounds.startups; i++) {
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

  const saved = core.search.toJSON();
  const loads: number[] = [];
  for (let i = 0; i < rounds.startups; i++) {
    const t = performance.now();
    SearchIndex.load(core.corpus, saved);
    loads.push(performance.now() - t);
  }

  // Like any benchmark harness, measure after the JIT has compiled the hot paths; the cold start
  // of a whole process is the one-shot CLI row.
  for (let round = 0; round < rounds.warmup; round++) await runAll(core);
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
      renderTerminal(await runLine(core, catalogue, line), PLAIN);
      commands.push(performance.now() - t);
    }
  }
  return {
    name,
    paragraphs: core.corpus.documents.reduce((n, d) => n + d.paragraphs.length, 0),
    startupMs: percentile(startups, 50),
    loadSavedIndexMs: percentile(loads, 50),
    heapMiB: (heapAfter - heapBefore) / 1024 / 1024,
    searchP50Ms: percentile(search, 50),
    searchP99Ms: percentile(search, 99),
    commandP50Ms: percentile(commands, 50),
    commandP99Ms: percentile(commands, 99),
  };
}

async function runAll(core: Core): Promise<void> {
  for (const query of QUERIES) core.search.searchParagraphs(query);
  for (const line of COMMANDS) renderTerminal(await runLine(core, catalogue, line), PLAIN);
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

const ms = (n: number) => `${n < 1 ? n.toFixed(3) : n.toFixed(1)} ms`;
const share = (n: number) => n.toFixed(3);

const TARGETS: Record<CorpusFigures["name"], { command: string; heap: string; load: string }> = {
  shipped: { command: "p99 < 1 ms", heap: "", load: "" },
  sotu: { command: "p99 < 10 ms", heap: "≤ 70 MiB", load: "< 1 s" },
  synthetic: { command: "(worst case, reported)", heap: "", load: "" },
};

function corpusRows(f: CorpusFigures): BenchRow[] {
  const corpus = `${f.name} (${f.paragraphs.toLocaleString("en")} ¶)`;
  const t = TARGETS[f.name];
  return [
    {
      corpus,
      measure: "start-up: load + validate + index (p50)",
      value: ms(f.startupMs),
      target: "",
    },
    { corpus, measure: "load a saved index (p50)", value: ms(f.loadSavedIndexMs), target: t.load },
    {
      corpus,
      measure: "heap kept by the corpus and index",
      value: `${f.heapMiB.toFixed(1)} MiB`,
      target: t.heap,
    },
    {
      corpus,
      measure: "search p50 / p99",
      value: `${ms(f.searchP50Ms)} / ${ms(f.searchP99Ms)}`,
      target: "",
    },
    {
      corpus,
      measure: "command → Answer → render p50 / p99",
      value: `${ms(f.commandP50Ms)} / ${ms(f.commandP99Ms)}`,
      target: t.command,
    },
  ];
}

function styleRow(name: string, group: QuestionGroup): BenchRow {
  return {
    corpus: "questions",
    measure: `${name}: hit@1 by style`,
    value: hit1ByStyle(createCore(defaultCorpusRoot()), group)
      .map((s) => `${s.style} ${share(s.hit1)} (${s.n})`)
      .join(" · "),
    target: "",
  };
}

function qualityRows(name: string, q: Quality, target: string): BenchRow {
  return {
    corpus: "questions",
    measure: `${name} (n ${q.n}): hit@1 / hit@3 / MRR / answer@1 · first excerpt words`,
    value: `${share(q.hit1)} / ${share(q.hit3)} / ${share(q.mrr)} / ${share(q.answer1)} · ${q.firstExcerptWords}`,
    target,
  };
}

/** The common-English list is read on the first question that needs it: what that costs once. */
function englishListRow(): BenchRow {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  isCommonEnglishWord("class");
  const ms = performance.now() - started;
  collectGarbage();
  const kept = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  return {
    corpus: "any",
    measure: "common-English list (typo check): first use, heap kept",
    value: `${ms.toFixed(0)} ms, ${kept.toFixed(2)} MiB`,
    target: "",
  };
}

// First, before anything else reads the list.
const englishList = englishListRow();
const shippedRoot = defaultCorpusRoot();
const quality = qualityReport(createCore(shippedRoot));
const corpora: CorpusFigures[] = [];
corpora.push(await benchCorpus("shipped", shippedRoot, { startups: 5, warmup: 20, measured: 200 }));
const sotu = writeSotuCorpus();
corpora.push(await benchCorpus("sotu", sotu.root, { startups: 3, warmup: 2, measured: 10 }));
const synthetic = writeSyntheticCorpus(createCore(shippedRoot).corpus, 20_000);
corpora.push(await benchCorpus("synthetic", synthetic, { startups: 3, warmup: 1, measured: 8 }));

const strip = ({ firstExcerptWords: _, ...q }: Quality) => q;
if (json) {
  console.log(
    JSON.stringify({
      corpora,
      quality: {
        tuning: strip(quality.tuning),
        heldBack: strip(quality.heldBack),
        baseline: strip(quality.baseline.heldBack),
        baselineTuning: strip(quality.baseline.tuning),
        fresh: strip(quality.fresh),
        baselineFresh: strip(quality.baseline.fresh),
      },
    }),
  );
} else {
  const rows: BenchRow[] = [
    qualityRows("ours, tuning half", quality.tuning, ""),
    qualityRows("ours, held-back half", quality.heldBack, "≥ 0.95 / 1.00 / 0.97 / 0.85"),
    qualityRows("plain minisearch, tuning half", quality.baseline.tuning, ""),
    qualityRows("plain minisearch, held-back half", quality.baseline.heldBack, ""),
    qualityRows("ours, fresh set (never tuned on)", quality.fresh, ""),
    qualityRows("plain minisearch, fresh set", quality.baseline.fresh, ""),
    styleRow("ours, held-back half", "heldBack"),
    styleRow("ours, fresh set", "fresh"),
    ...corpora.flatMap(corpusRows),
    englishList,
    cliWallTime(),
  ];
  if (!process.argv.includes("--no-map")) rows.push(...(await benchMap()));
  printTable(rows);
}
