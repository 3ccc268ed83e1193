import { describe, expect, it } from "vitest";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";

describe("/search", () => {
  it("puts the JEF paragraph first for “Is the JEF legally binding?”, highlighting the reason", async () => {
    const answer = await run("search", { query: "Is the JEF legally binding?" });
    expect(answer.excerpts[0]?.source.paragraph).toBe(13);
    expect(answer.excerpts[0]?.quote).toBe(
      shippedCore().corpus.paragraph("anisova-2023-no-need-to-wait", 13)?.text,
    );
    expect(answer.excerpts[0]?.highlights?.length).toBeGreaterThan(0);
    expectVerbatimAndCited(answer, shippedCore());
  });

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
    expect(answer.notes[0]).toMatch(/add a topic/);
  });

  it("refuses a page past the end", async () => {
    expect((await run("search", { query: "EUMAM", page: 40 })).status).toBe("invalid-input");
  });
});
