import { describe, expect, it } from "vitest";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";

describe("/search", () => {
  it("answers “Is the JEF legally binding?” with the sentences that say so, the paragraph one click away", async () => {
    const answer = await run("search", { query: "Is the JEF legally binding?" });
    const [first] = answer.excerpts;
    const paragraph = shippedCore().corpus.paragraph("anisova-2023-no-need-to-wait", 13)?.text;
    expect(first?.source.paragraph).toBe(13);
    expect(first?.quote).toContain("thus, it is not a Treaty-bound arrangement");
    expect(first?.quote.length).toBeLessThan((paragraph ?? "").length / 2);
    expect(first?.elided).toEqual({ before: true, after: true });
    expect(first?.paragraphText).toBe(paragraph);
    expect(answer.followUps).toContainEqual({
      label: "Whole ¶13",
      command: "para",
      options: { number: 13 },
    });
    expectVerbatimAndCited(answer, shippedCore());
  });

  it("says only what changed the search: a typo read as a word, an acronym's full name found", async () => {
    const typo = await run("search", { query: "coalitoin of the wiling" });
    expect(typo.notices).toContain("Read “coalitoin” as “coalition”, “wiling” as “willing”.");
    const jef = await run("search", { query: "Is the JEF legally binding?" });
    expect(jef.notices).toContain("Also searched for: Joint Expeditionary Force.");
    const cautious = await run("search", {
      query: "Could cautious countries block the coalition?",
    });
    expect(cautious.notices).toEqual([]);
    expect(cautious.notes).toEqual([]);
    expect(cautious.excerpts[0]?.quote).toContain("will be unable to block the decisions");
  });

  it("says what each labelled point is: an objection's label never stands alone above her words", async () => {
    const answer = await run("search", { query: "what does the author say about Israel?" });
    for (const excerpt of answer.excerpts.filter((e) => e.node?.kind === "objection"))
      expect(excerpt.label).toMatch(/^An (objection the author answers and rejects|open point)/);
    expect(answer.excerpts.some((e) => e.quote.includes("unacceptable"))).toBe(true);
  });

  it("puts the glossary entry (ours) above the passages for “what is PESCO?”", async () => {
    const answer = await run("search", { query: "what is PESCO?" });
    expect(answer.title).toBe("PESCO — Permanent Structured Cooperation");
    expect(answer.notes[0]).toMatch(/^Glossary: EU framework/);
    expect(answer.excerpts[0]?.source.paragraph).toBe(9);
    expectVerbatimAndCited(answer, shippedCore());
  });

  it("answers a question about weak points with the objections, her answers and the open points", async () => {
    const answer = await run("search", { query: "what are the weaknesses of this argument?" });
    const groups = new Set(answer.excerpts.map((e) => e.group));
    expect([...groups].some((g) => g?.startsWith("Objection: "))).toBe(true);
    expect([...groups].some((g) => g?.startsWith("Open point"))).toBe(true);
    expect(answer.excerpts.some((e) => e.label?.startsWith("The author's answer"))).toBe(true);
  });

  it("reads a name beside a naming word as a definition, but a question about it as a question", async () => {
    const scenario = await run("search", { query: "what is the European Israel scenario?" });
    expect(scenario.notes[0]).toMatch(/^Glossary: /);
    const wrong = await run("search", { query: "what's wrong with the JEF?" });
    expect(wrong.title).toBe("Counter-arguments: “JEF”");
    expect(wrong.notes.some((n) => n.startsWith("Glossary: "))).toBe(false);
    expect(wrong.excerpts[0]?.group).toBe(
      "Objection: Re-orient the JEF instead of a new coalition",
    );
  });

  it("leads on to the counter-arguments on the question's topic, not on its question words", async () => {
    const counter = (answer: Awaited<ReturnType<typeof run>>) =>
      answer.followUps.find((f) => f.command === "counter")?.options.topic;
    expect(counter(await run("search", { query: "Is the JEF legally binding?" }))).toBe(
      "JEF legally binding",
    );
    expect(counter(await run("search", { query: "what is the coalition of the willing?" }))).toBe(
      "coalition of the willing",
    );
  });

  it("names a weak-points question's topic in the student's words, without the question's", async () => {
    const answer = await run("search", { query: "what are the problems with waiting for NATO?" });
    expect(answer.title).toBe("Counter-arguments: “waiting for NATO”");
  });

  it.each(["¶13", "paragraph 13", "para 13"])(
    "shows paragraph 13 whole for “%s”",
    async (query) => {
      const answer = await run("search", { query });
      expect(answer.excerpts).toHaveLength(1);
      expect(answer.excerpts[0]?.quote).toBe(
        shippedCore().corpus.paragraph("anisova-2023-no-need-to-wait", 13)?.text,
      );
      expect(answer.followUps.map((f) => f.label)).toEqual(["¶12", "¶14"]);
    },
  );

  it("pages through results with a “Next results” follow-up", async () => {
    const first = await run("search", { query: "NATO" });
    const next = first.followUps.find((f) => f.label === "Next results");
    expect(next?.options).toEqual({ query: "NATO", page: 2 });
    const second = await run("search", next?.options);
    const seen = new Set(first.excerpts.map((e) => e.source.paragraph));
    expect(second.excerpts.some((e) => seen.has(e.source.paragraph))).toBe(false);
  });

  it("explains what to do when nothing matches", async () => {
    const answer = await run("search", { query: "what does the author say" });
    expect(answer.status).toBe("not-found");
    expect(answer.notices?.[0]).toMatch(/add a topic/);
  });

  it("refuses a page past the end", async () => {
    expect((await run("search", { query: "EUMAM", page: 40 })).status).toBe("invalid-input");
  });
});
