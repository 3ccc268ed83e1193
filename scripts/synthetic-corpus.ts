/**
 * A large corpus for benchmarks, generated from the real one: paragraphs recombined from the
 * reading's sentences (deterministically), with a quarter of the longer words swapped for words of
 * a Zipf-distributed synthetic vocabulary, as a 20,000-paragraph collection of many readings would
 * have a far larger vocabulary than one commentary. Every paragraph is cited by a claim, claims
 * are grouped under three pillars, and there are objections and rebuttals. It passes the same
 * pipeline as the real corpus.
 */
import type { CorpusModel } from "../src/core/corpus/model.js";
import { splitSentences } from "../src/core/sentences.js";
import { writeBenchReading } from "./bench-reading.js";
import { prng } from "./prng.js";

const SYLLABLES = [
  "ka",
  "lo",
  "mi",
  "ser",
  "tan",
  "vo",
  "ri",
  "del",
  "pa",
  "gu",
  "nor",
  "es",
  "bi",
  "tur",
  "an",
  "zel",
];
const VOCABULARY = 50_000;

/** A pronounceable word for a vocabulary rank: rank 0 → "ka", 17 → "loka", … */
function syntheticWord(rank: number): string {
  let word = "";
  let n = rank;
  do {
    word = SYLLABLES[n % SYLLABLES.length] + word;
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return word;
}

/** Swaps about a quarter of the longer words for synthetic ones, ranks drawn log-uniformly (Zipf-like). */
function vary(sentence: string, next: () => number): string {
  return sentence.replace(/\p{L}{5,}/gu, (word) =>
    next() < 0.25 ? syntheticWord(Math.floor(Math.exp(next() * Math.log(VOCABULARY)))) : word,
  );
}

/** Writes a corpus of one synthetic reading with `paragraphs` paragraphs; returns its root. */
export function writeSyntheticCorpus(model: CorpusModel, paragraphs: number): string {
  const source = model.documents[0];
  if (!source) throw new Error("synthetic corpus: the model has no document to sample");
  const sentences = source.paragraphs.flatMap((p) => splitSentences(p.text).map((s) => s.text));
  const next = prng(42);
  const pick = () => vary(sentences[Math.floor(next() * sentences.length)] as string, next);

  const texts: string[] = [];
  for (let i = 0; i < paragraphs; i++)
    texts.push(Array.from({ length: 2 + Math.floor(next() * 4) }, pick).join(" "));

  const lines = ["<!-- Synthetic benchmark corpus. -->"];
  texts.forEach((text, i) => {
    if (i % 50 === 0) lines.push("", `## Section ${i / 50 + 1} {#s${i / 50 + 1}}`);
    lines.push("", text);
  });

  const pillars = ["g7", "eu", "coalition"];
  const nodes: object[] = [
    {
      id: "thesis",
      kind: "thesis",
      label: "Synthetic thesis",
      quotes: [{ p: 1, text: splitSentences(texts[0] as string)[0]?.text }],
    },
    ...pillars.map((id) => ({
      id,
      kind: "pillar",
      label: `Pillar ${id}`,
      aliases: [id.toUpperCase()],
      summary: `The ${id} pillar.`,
    })),
  ];
  const relations: object[] = pillars.map((id) => ({ from: id, type: "supports", to: "thesis" }));
  texts.forEach((text, i) => {
    const first = splitSentences(text)[0]?.text ?? text;
    const kind = i % 20 === 7 ? "objection" : i % 20 === 8 ? "rebuttal" : "claim";
    const id = `n${i + 1}`;
    nodes.push({ id, kind, label: first.slice(0, 60), quotes: [{ p: i + 1, text: first }] });
    if (kind === "claim") relations.push({ from: id, type: "supports", to: pillars[i % 3] });
    if (kind === "objection") relations.push({ from: id, type: "attacks", to: pillars[i % 3] });
    if (kind === "rebuttal") relations.push({ from: id, type: "rebuts", to: `n${i}` });
  });

  return writeBenchReading({
    document: {
      id: "synthetic",
      title: "Synthetic benchmark reading",
      author: "Generated",
      authorShort: "Generated",
      publisher: "Benchmark",
      publisherShort: "BM",
      genre: "Commentary",
      date: source.date,
      url: source.url,
      attribution: "Generated for benchmarks from the shipped reading.",
      licence: "Benchmark data only.",
    },
    lines,
    map: { nodes, relations, synonyms: model.synonyms },
  });
}
