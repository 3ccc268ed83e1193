import { describe, expect, it } from "vitest";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";

describe("/glossary", () => {
  it("explains PESCO in our words and quotes where it occurs", async () => {
    const answer = await run("glossary", { term: "pesco" });
    expect(answer.title).toMatch(/^PESCO/);
    expect(answer.excerpts.map((e) => e.source.paragraph)).toEqual([9]);
    expect(answer.excerpts[0]?.quote).toContain("Permanent Structured Cooperation (PESCO)");
    expect(answer.excerpts[0]?.elided).toEqual({ before: true, after: true });
    expectVerbatimAndCited(answer, shippedCore());
  });

  it.each(["Art. 5", "Joint Expeditionary Force", "MoU"])(
    "finds %j through aliases and synonyms",
    async (term) => {
      expect((await run("glossary", { term })).status).toBe("ok");
    },
  );

  it("suggests the nearest term for a typo", async () => {
    const answer = await run("glossary", { term: "PESKO" });
    expect(answer.status).toBe("not-found");
    expect(answer.suggestions).toContain("/glossary PESCO");
  });

  it("lists every term without an argument", async () => {
    expect((await run("glossary")).notes).toHaveLength(shippedCore().corpus.glossary.length);
  });
});
