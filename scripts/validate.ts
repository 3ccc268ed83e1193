/**
 * `npm run validate`: runs the corpus pipeline and prints a summary, or every problem found.
 * Exit code 1 when the corpus cannot be trusted.
 */
import { resolve } from "node:path";
import { runCorpusPipeline } from "../src/core/corpus/pipeline.js";
import { formatProblem } from "../src/core/corpus/problems.js";
import { defaultCorpusRoot } from "../src/core/paths.js";

const root = resolve(process.argv[2] ?? defaultCorpusRoot());
const result = runCorpusPipeline(root);

if (!result.model) {
  console.error(`Corpus at ${root}: ${result.problems.length} problem(s):`);
  for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}

const model = result.model;
const count = <T>(items: readonly T[], key: (item: T) => string): string =>
  Object.entries(
    items.reduce<Record<string, number>>((acc, item) => {
      acc[key(item)] = (acc[key(item)] ?? 0) + 1;
      return acc;
    }, {}),
  )
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");

console.log(`Corpus OK: ${root}`);
console.log(
  `  documents:     ${model.documents.length} (${model.documents.map((d) => d.id).join(", ")})`,
);
console.log(`  paragraphs:    ${model.documents.reduce((n, d) => n + d.paragraphs.length, 0)}`);
console.log(`  sections:      ${model.documents.reduce((n, d) => n + d.sections.length, 0)}`);
console.log(`  nodes:         ${model.nodes.length} (${count(model.nodes, (n) => n.kind)})`);
console.log(
  `  relations:     ${model.relations.length} (${count(model.relations, (r) => r.type)})`,
);
console.log(`  glossary:      ${model.glossary.length} terms`);
console.log(`  synonym groups: ${model.synonyms.length}`);
console.log(`  quotes checked: ${result.quotesChecked} (all verbatim)`);
