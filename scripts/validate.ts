/**
 * `npm run validate [corpus dir]`: checks every reading of the corpus folder (the argument, else
 * CORPUS_DIR, else the shipped corpus) and prints a summary per reading, or every problem found
 * under the reading it belongs to, each with its file and node. Exit code 1 when any reading
 * cannot be trusted.
 */
import "dotenv/config";
import { resolve } from "node:path";
import { parseConfig } from "../src/config.js";
import { runCorpusPipeline } from "../src/core/corpus/pipeline.js";
import { formatProblemsByReading } from "../src/core/corpus/problems.js";

const root = resolve(process.argv[2] ?? parseConfig(process.env).corpusDir);
const result = runCorpusPipeline(root);

if (!result.model) {
  console.error(`Corpus at ${root}: ${result.problems.length} problem(s):`);
  console.error(formatProblemsByReading(result.problems));
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
console.log(`  readings:      ${model.documents.length}`);
for (const doc of model.documents) {
  const nodes = model.nodes.filter((n) => n.documentId === doc.id);
  console.log(
    `    ${doc.id}: ${doc.shortCite} · ${doc.paragraphs.length} paragraphs, ${doc.sections.length} sections, ${nodes.length} nodes${doc.todo.length ? ` · draft, ${doc.todo.length} to do` : ""}`,
  );
  for (const item of doc.todo) console.log(`      to do (document.yaml): ${item}`);
}
console.log(`  paragraphs:    ${model.documents.reduce((n, d) => n + d.paragraphs.length, 0)}`);
console.log(`  sections:      ${model.documents.reduce((n, d) => n + d.sections.length, 0)}`);
console.log(`  nodes:         ${model.nodes.length} (${count(model.nodes, (n) => n.kind)})`);
console.log(
  `  relations:     ${model.relations.length} (${count(model.relations, (r) => r.type)})`,
);
console.log(`  glossary:      ${model.glossary.length} terms`);
console.log(`  synonym groups: ${model.synonyms.length}`);
console.log(`  quotes checked: ${result.quotesChecked} (all verbatim)`);
