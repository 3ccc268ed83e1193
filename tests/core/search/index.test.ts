import { describe, expect, it } from "vitest";
import { SearchIndex } from "../../../src/core/search/index.js";
import { SHIPPED_DOC, shippedCore } from "../../helpers/corpus.js";
import { QUESTIONS } from "./questions.js";

const { corpus, search } = shippedCore();
const top = (query: string, n = 3) =>
  search
    .searchParagraphs(query)
    .slice(0, n)
    .map((h) => h.paragraph.number);

describe("searching the reading", () => {
  it("answers the question set with recall@3 ≥ 0.9 (and reports MRR)", () => {
    let found = 0;
    let reciprocalRanks = 0;
    const misses: string[] = [];
    for (const question of QUESTIONS) {
      const ranked = search.searchParagraphs(question.ask).map((h) => h.paragraph.number);
      const rank = ranked.findIndex((p) => question.answers.includes(p));
      if (rank >= 0 && rank < 3) found++;
      else misses.push(`${question.ask} → ${ranked.slice(0, 3).join(",")}`);
      if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
    }
    const recall = found / QUESTIONS.length;
    const mrr = reciprocalRanks / QUESTIONS.length;
    console.info(
      `question set: ${QUESTIONS.length} questions, recall@3 ${recall.toFixed(3)}, MRR ${mrr.toFixed(3)}`,
    );
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(30);
    expect(recall, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("puts the JEF paragraph first for “Is the JEF legally binding?”", () => {
    expect(top("Is the JEF legally binding?")[0]).toBe(13);
  });

  it("finds the coalition despite typos", () => {
    expect(top("coalitoin of the wiling")).toContain(12);
  });

  it("matches numbers and identifiers exactly, so pasted ids do not use up the typo budget", () => {
    // Three long ids (as pasted mentions leave behind) before one real typo: the typo is still
    // matched fuzzily, because terms with digits are never typos of the reading's words.
    const ids = "<@123456789012> <@234567890123> <@345678901234>";
    expect(top(`${ids} coalitoin of the wiling`, 5)).toEqual(top("coalitoin of the wiling", 5));
  });

  it("expands acronyms and abbreviations from the corpus's synonym data", () => {
    const { expansions } = search.explain("JEF and the MoU");
    expect(expansions).toEqual(
      expect.arrayContaining(["joint", "expeditionary", "force", "memorandum", "understanding"]),
    );
    expect(search.explain("Art. 5").expansions).toContain("article");
  });

  it("ignores question words so the topic decides", () => {
    expect(top("why does the author say what she says about EUMAM")[0]).toBe(8);
  });

  it("lists a paragraph at most once, and never a pull quote as a hit of its own", () => {
    for (const question of QUESTIONS) {
      const hits = search.searchParagraphs(question.ask);
      const keys = hits.map((h) => `${h.documentId}/${h.paragraph.number}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(
        hits.every(
          (h) =>
            h.documentId === SHIPPED_DOC && h.paragraph.number >= 1 && h.paragraph.number <= 15,
        ),
      ).toBe(true);
    }
  });

  it("returns nothing for a question made only of question words", () => {
    expect(search.searchParagraphs("why what does the author say")).toEqual([]);
  });

  it("gives the same results from a serialised index as from a fresh one", () => {
    const loaded = SearchIndex.load(corpus, search.toJSON());
    for (const question of QUESTIONS) {
      const fresh = search
        .searchParagraphs(question.ask)
        .map((h) => [h.paragraph.number, h.score.toFixed(6)]);
      const restored = loaded
        .searchParagraphs(question.ask)
        .map((h) => [h.paragraph.number, h.score.toFixed(6)]);
      expect(restored).toEqual(fresh);
    }
  });

  it("finds objections by their words, including summary-only ones", () => {
    const hit = search.searchNodes("re-orient the Joint Expeditionary Force", ["objection"])[0];
    expect(hit?.node.id).toBe("obj-reorient-jef");
  });

  it("scores the kinds asked for exactly as an unrestricted search does", () => {
    for (const question of QUESTIONS) {
      const scored = (hits: readonly { node: { key: string }; score: number }[]) =>
        hits.map((h) => `${h.node.key} ${h.score.toFixed(6)}`);
      const objections = search.searchNodes(question.ask, ["objection", "rebuttal"]);
      const all = search
        .searchNodes(question.ask)
        .filter((h) => h.node.kind === "objection" || h.node.kind === "rebuttal");
      expect(scored(objections)).toEqual(scored(all));
    }
  });
});
