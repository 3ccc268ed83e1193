import { describe, expect, it } from "vitest";
import {
  freshQuestions,
  qualityReport,
  studentQuestions,
} from "../../../scripts/search-quality.js";
import { createCore } from "../../../src/core/core.js";
import { SavedIndexMismatchError, SearchIndex } from "../../../src/core/search/search-index.js";
import { corpusCopy, SHIPPED_CORPUS, SHIPPED_DOC, shippedCore } from "../../helpers/corpus.js";

const { corpus, search } = shippedCore();
const questions = studentQuestions();
const top = (query: string, n = 3) =>
  search
    .searchParagraphs(query)
    .slice(0, n)
    .map((h) => h.paragraph.number);

describe("ranking on student questions", () => {
  const report = qualityReport(shippedCore());
  const line = (name: string, q: typeof report.tuning) =>
    `${name}: n ${q.n}, hit@1 ${q.hit1.toFixed(3)}, hit@3 ${q.hit3.toFixed(3)}, MRR ${q.mrr.toFixed(3)}, answer@1 ${q.answer1.toFixed(3)}, first excerpt ${q.firstExcerptWords} words`;
  console.info(
    [
      line("tuning", report.tuning),
      line("held back", report.heldBack),
      line("baseline, tuning", report.baseline.tuning),
      line("baseline, held back", report.baseline.heldBack),
      line("fresh", report.fresh),
      line("baseline, fresh", report.baseline.fresh),
    ].join("\n"),
  );

  it("has at least 150 questions, split into two halves", () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    expect(report.tuning.n).toBeGreaterThanOrEqual(75);
    expect(report.heldBack.n).toBeGreaterThanOrEqual(75);
  });

  it("has a second, fresh set of at least 75 questions in every style", () => {
    const fresh = freshQuestions();
    expect(fresh.length).toBeGreaterThanOrEqual(75);
    expect(new Set(fresh.map((q) => q.style)).size).toBe(5);
    expect(fresh.every((q) => q.half === "fresh")).toBe(true);
  });

  it("names, for every question, answering sentences that stand verbatim in its paragraphs", () => {
    for (const question of [...questions, ...freshQuestions()]) {
      const texts = question.paragraphs.map((n) => corpus.paragraph(SHIPPED_DOC, n)?.text ?? "");
      for (const sentence of question.sentences)
        expect(
          texts.some((text) => text.includes(sentence)),
          `${question.ask}: ${sentence}`,
        ).toBe(true);
    }
  });

  it.each(["tuning", "heldBack", "fresh"] as const)(
    "beats plain minisearch on the %s questions on every measure",
    (half) => {
      const ours = report[half];
      const baseline = report.baseline[half];
      expect(ours.hit1).toBeGreaterThan(baseline.hit1);
      expect(ours.hit3).toBeGreaterThan(baseline.hit3);
      expect(ours.mrr).toBeGreaterThan(baseline.mrr);
      expect(ours.answer1).toBeGreaterThanOrEqual(baseline.answer1);
    },
  );

  it.each(["tuning", "heldBack", "fresh"] as const)(
    "keeps the %s questions at the levels measured when ranking was tuned",
    (half) => {
      // Floors a little under what the shipped ranking measures (DESIGN.md), so a change that
      // makes search worse fails here.
      const floor = {
        tuning: { hit3: 0.93, mrr: 0.88 },
        heldBack: { hit3: 0.87, mrr: 0.78 },
        fresh: { hit3: 0.9, mrr: 0.8 },
      }[half];
      expect(report[half].hit3).toBeGreaterThanOrEqual(floor.hit3);
      expect(report[half].mrr).toBeGreaterThanOrEqual(floor.mrr);
    },
  );

  it("shows a few sentences, not whole paragraphs (median first excerpt ≤ 60 words)", () => {
    expect(report.tuning.firstExcerptWords).toBeLessThanOrEqual(60);
    expect(report.heldBack.firstExcerptWords).toBeLessThanOrEqual(60);
    expect(report.fresh.firstExcerptWords).toBeLessThanOrEqual(60);
  });
});

describe("searching the reading", () => {
  it("puts the answering paragraph and sentence first for “Is the JEF legally binding?”", () => {
    const [first] = search.searchParagraphs("Is the JEF legally binding?");
    expect(first?.paragraph.number).toBe(13);
    expect(first?.passage.text).toContain("it is not a Treaty-bound arrangement");
  });

  it("finds the sentence on cautious states for “Could cautious countries block the coalition?”", () => {
    const [first] = search.searchParagraphs("Could cautious countries block the coalition?");
    expect(first?.paragraph.number).toBe(12);
    expect(first?.passage.text).toContain("will be unable to block the decisions");
  });

  it("cuts excerpts only between sentences, verbatim, at most three sentences", () => {
    for (const { ask } of questions) {
      for (const hit of search.searchParagraphs(ask)) {
        const { passage, paragraph } = hit;
        expect(paragraph.text.slice(passage.start, passage.end)).toBe(passage.text);
        expect(passage.sentences).toBeLessThanOrEqual(3);
        expect(passage.start === 0 || /\s/.test(paragraph.text[passage.start - 1] ?? "")).toBe(
          true,
        );
      }
    }
  });

  it("corrects typos to words of the reading, and only unknown words", () => {
    const parsed = search.explain("coalitoin of the wiling");
    expect(parsed.corrections).toEqual([
      { from: "coalitoin", to: "coalition" },
      { from: "wiling", to: "willing" },
    ]);
    expect(top("coalitoin of the wiling")).toContain(12);
    expect(search.explain("getting assurances").corrections).toEqual([]);
  });

  it("finds the reading's British spelling from an American one", () => {
    const american = search.searchParagraphs("mutual defense clause")[0];
    expect(american?.paragraph.number).toBe(
      search.searchParagraphs("mutual defence clause")[0]?.paragraph.number,
    );
    expect(american?.matchedTerms).toContain("defenc");
  });

  it("matches the start of a word as a prefix, but never a whole English word", () => {
    expect([...search.explain("interop with the EU").prefixes]).toEqual(["interop"]);
    expect(search.searchParagraphs("interop")[0]?.paragraph.text).toContain("interoperability");
    // "count" starts "country", "stop" starts "stopgap": both are words of their own.
    expect(search.explain("does the EU count as part of the G7").prefixes.size).toBe(0);
    expect(search.explain("a full stop").prefixes.size).toBe(0);
  });

  it("matches numbers and identifiers exactly, so pasted ids do not use up the typo budget", () => {
    const ids = "<@123456789012> <@234567890123> <@345678901234>";
    expect(search.explain(`${ids} coalitoin`).corrections).toEqual([
      { from: "coalitoin", to: "coalition" },
    ]);
  });

  it("expands acronyms to their full names as phrases, never as separate words", () => {
    const { phrases } = search.explain("Is the JEF legally binding?");
    expect(phrases.map((p) => p.text)).toEqual(["Joint Expeditionary Force"]);
    // "joint" alone (joint procurement, joint ventures) is not the JEF.
    const jef = search.searchParagraphs("JEF").map((h) => h.paragraph.number);
    expect(jef).toEqual([13]);
    expect(search.explain("Art. 5").phrases.map((p) => p.text)).toContain("Article 5");
  });

  it("never expands a pillar's alias list or stop words", () => {
    const { phrases, original } = search.explain("Could cautious countries block the coalition?");
    expect(phrases).toEqual([]);
    expect(original).toEqual(["cautious", "countri", "block", "coalit"]);
  });

  it("ignores question words so the topic decides", () => {
    expect(top("why does the author say what she says about EUMAM")[0]).toBe(8);
  });

  it("knows the authors' names, so naming one neither corrects it nor changes the ranking", () => {
    expect(search.explain("what does Anisova say about the JEF").corrections).toEqual([]);
    expect(search.lexicon.knowsWord("Anisova")).toBe(true);
    expect(top("what does Anisova say about the JEF")).toEqual(top("what about the JEF"));
  });

  it("returns nothing for a question made only of question words", () => {
    expect(search.searchParagraphs("why what does the author say")).toEqual([]);
  });

  it("lists a paragraph at most once", () => {
    for (const { ask } of questions) {
      const keys = search.searchParagraphs(ask).map((h) => `${h.documentId}/${h.paragraph.number}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it("gives the same results from a saved index as from a fresh one", () => {
    const loaded = SearchIndex.load(corpus, search.toJSON());
    for (const { ask } of questions.slice(0, 40)) {
      const fresh = search
        .searchParagraphs(ask)
        .map((h) => [h.paragraph.number, h.score.toFixed(6)]);
      const restored = loaded
        .searchParagraphs(ask)
        .map((h) => [h.paragraph.number, h.score.toFixed(6)]);
      expect(restored).toEqual(fresh);
    }
  });

  it("refuses a saved index built from another corpus", () => {
    const edited = createCore(
      corpusCopy(
        [SHIPPED_CORPUS],
        [{ file: `${SHIPPED_DOC}/map.yaml`, from: "label: What CARD does", to: "label: CARD" }],
      ),
    );
    expect(() => SearchIndex.load(edited.corpus, search.toJSON())).toThrow(SavedIndexMismatchError);
    expect(() => SearchIndex.load(corpus, "{not json")).toThrow(/not valid JSON/);
    const older = JSON.stringify({ ...JSON.parse(search.toJSON()), format: 1 });
    expect(() => SearchIndex.load(corpus, older)).toThrow(/format 1/);
  });

  it("finds objections by their words, including summary-only ones", () => {
    const hit = search.searchNodes("re-orient the Joint Expeditionary Force", ["objection"])[0];
    expect(hit?.node.id).toBe("obj-reorient-jef");
  });

  it("scores the kinds asked for exactly as an unrestricted search does", () => {
    for (const { ask } of questions.slice(0, 40)) {
      const scored = (hits: readonly { node: { key: string }; score: number }[]) =>
        hits.map((h) => `${h.node.key} ${h.score.toFixed(6)}`);
      const objections = search.searchNodes(ask, ["objection", "rebuttal"]);
      const all = search
        .searchNodes(ask)
        .filter((h) => h.node.kind === "objection" || h.node.kind === "rebuttal");
      expect(scored(objections)).toEqual(scored(all));
    }
  });
});
