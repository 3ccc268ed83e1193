/**
 * How well search answers the student question set, measured the same way in the tests and in
 * `npm run bench`: for our search and, in the same run, for plain minisearch over the paragraphs
 * (its defaults, as a project without our ranking would use it).
 *
 *   hit@1    the first excerpt is from a paragraph that answers
 *   hit@3    one of the first three is
 *   MRR      mean of 1 / rank of the first answering paragraph (0 when none)
 *   answer@1 the first excerpt contains a sentence that answers
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import MiniSearch from "minisearch";
import type { Core } from "../src/core/core.js";
import { projectRoot } from "../src/core/paths.js";

export interface StudentQuestion {
  readonly ask: string;
  readonly style: "paraphrase" | "debate" | "keywords" | "typo" | "acronym";
  /** The first set's two halves, or the second set ("fresh"), which no change was tuned on. */
  readonly half: "tuning" | "heldBack" | "fresh";
  /** Paragraphs that answer; any one counts. */
  readonly paragraphs: readonly number[];
  /** The sentences a debater would quote, verbatim; any one counts. */
  readonly sentences: readonly string[];
}

export interface Quality {
  readonly n: number;
  readonly hit1: number;
  readonly hit3: number;
  readonly mrr: number;
  readonly answer1: number;
  /** Words in the first excerpt, median over the questions. */
  readonly firstExcerptWords: number;
}

/** A ranked list of excerpts for a question: the paragraph and the text shown. */
export type Ranker = (question: string) => readonly { paragraph: number; text: string }[];

/** The first set: 174 questions, split once into a tuning half and a held-back half. */
export function studentQuestions(): StudentQuestion[] {
  return questionsIn("student-questions.json");
}

/** The second set, written later by someone else, never tuned on (see its "about"). */
export function freshQuestions(): StudentQuestion[] {
  return questionsIn("fresh-questions.json");
}

function questionsIn(name: string): StudentQuestion[] {
  const file = join(projectRoot(), "tests/fixtures/search", name);
  return (JSON.parse(readFileSync(file, "utf8")) as { questions: StudentQuestion[] }).questions;
}

export function measure(rank: Ranker, questions: readonly StudentQuestion[]): Quality {
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let answer1 = 0;
  const words: number[] = [];
  for (const question of questions) {
    const ranked = rank(question.ask);
    const at = ranked.findIndex((r) => question.paragraphs.includes(r.paragraph));
    if (at === 0) hit1++;
    if (at >= 0 && at < 3) hit3++;
    if (at >= 0) reciprocal += 1 / (at + 1);
    const first = ranked[0];
    if (first && question.sentences.some((s) => first.text.includes(s))) answer1++;
    if (first) words.push(first.text.split(/\s+/).length);
  }
  const n = questions.length;
  words.sort((a, b) => a - b);
  return {
    n,
    hit1: hit1 / n,
    hit3: hit3 / n,
    mrr: reciprocal / n,
    answer1: answer1 / n,
    firstExcerptWords: words[Math.floor(words.length / 2)] ?? 0,
  };
}

/** Our search: the passages `/search` shows, in its order. */
export function oursRanker(core: Core): Ranker {
  return (question) =>
    core.search
      .searchParagraphs(question)
      .map((hit) => ({ paragraph: hit.paragraph.number, text: hit.passage.text }));
}

/**
 * The baseline: `new MiniSearch({ fields: ["text", "section"] })` over the reading's paragraphs,
 * searched with default options; its excerpts are whole paragraphs.
 */
export function baselineRanker(core: Core, documentId: string): Ranker {
  const doc = core.corpus.document(documentId);
  if (!doc) throw new Error(`search-quality: no reading ${documentId}`);
  const index = new MiniSearch<{ id: number; text: string; section: string }>({
    fields: ["text", "section"],
  });
  index.addAll(
    doc.paragraphs.map((p) => ({
      id: p.number,
      text: p.text,
      section: doc.sections.find((s) => s.id === p.sectionId)?.heading ?? "",
    })),
  );
  const text = new Map(doc.paragraphs.map((p) => [p.number, p.text]));
  return (question) =>
    index
      .search(question)
      .map((r) => ({ paragraph: Number(r.id), text: text.get(Number(r.id)) ?? "" }));
}

export type QuestionGroup = StudentQuestion["half"];

/**
 * Each group of questions (both halves of the first set, and the fresh set) for ours, and the
 * baseline on each, as the bench and the tests report them.
 */
export function qualityReport(core: Core): Record<QuestionGroup, Quality> & {
  baseline: Record<QuestionGroup, Quality>;
} {
  const questions = [...studentQuestions(), ...freshQuestions()];
  const group = (half: QuestionGroup) => questions.filter((q) => q.half === half);
  const ours = oursRanker(core);
  const baseline = baselineRanker(core, SHIPPED_READING);
  return {
    tuning: measure(ours, group("tuning")),
    heldBack: measure(ours, group("heldBack")),
    fresh: measure(ours, group("fresh")),
    baseline: {
      tuning: measure(baseline, group("tuning")),
      heldBack: measure(baseline, group("heldBack")),
      fresh: measure(baseline, group("fresh")),
    },
  };
}

export const SHIPPED_READING = "anisova-2023-no-need-to-wait";

const STYLES: readonly StudentQuestion["style"][] = [
  "paraphrase",
  "debate",
  "keywords",
  "typo",
  "acronym",
];

/** hit@1 of our search for each style of question in a group: where it is weak. */
export function hit1ByStyle(
  core: Core,
  group: QuestionGroup,
): { style: StudentQuestion["style"]; n: number; hit1: number }[] {
  const questions = [...studentQuestions(), ...freshQuestions()].filter((q) => q.half === group);
  const ours = oursRanker(core);
  return STYLES.map((style) => {
    const ofStyle = questions.filter((q) => q.style === style);
    return { style, n: ofStyle.length, hit1: measure(ours, ofStyle).hit1 };
  });
}
