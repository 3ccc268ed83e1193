import { describe, expect, it } from "vitest";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";

describe("/claim", () => {
  it("shows a claim with its support, its challengers and the author's answers", async () => {
    const answer = await run("claim", { query: "coal-new-separate" });
    expect(answer.title).toBe("Claim: A new, separate coalition is more feasible than the JEF");
    const groups = new Set(answer.excerpts.map((e) => e.group));
    expect(groups).toContain("Supported by");
    expect(answer.notes.some((n) => n.startsWith("Challenged by: Re-orient the JEF"))).toBe(true);
    expectVerbatimAndCited(answer, shippedCore());
  });

  it("finds a claim from its words", async () => {
    const answer = await run("claim", { query: "a coalition can be set up quickly" });
    expect(answer.related.length + answer.excerpts.length).toBeGreaterThan(0);
    expect(answer.excerpts[0]?.source.paragraph).toBe(12);
  });

  it("marks an objection the text leaves open", async () => {
    const answer = await run("claim", { query: "g7-self-reliance" });
    expect(answer.notes.some((n) => n.includes("(the text leaves this unanswered)"))).toBe(true);
  });

  it("says so when nothing matches", async () => {
    expect((await run("claim", { query: "zebra crossings in Lisbon" })).status).toBe("not-found");
  });
});
