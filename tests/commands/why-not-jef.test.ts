import { describe, expect, it } from "vitest";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";

describe("/why-not-jef", () => {
  it("gives the three reasons the text gives, each with its quote from ¶13", async () => {
    const answer = await run("why-not-jef");
    expect(answer.status).toBe("ok");
    const reasons = answer.excerpts.filter((e) => e.group === "The reasons the text gives");
    expect(reasons.map((e) => e.quote)).toEqual([
      expect.stringContaining(
        "the JEF was established by the memorandum of understanding; thus, it is not a Treaty-bound arrangement",
      ),
      expect.stringContaining(
        "cooperation experience of the Northern European participating states, the level of their interoperability, and shared strategic culture",
      ),
      expect.stringContaining("Considering the need to deter Russia in the Baltic Sea"),
    ]);
    expect(reasons.every((e) => e.source.paragraph === 13)).toBe(true);
    expectVerbatimAndCited(answer, shippedCore());
  });

  it("states the objection in our words and ends with the author's conclusion", async () => {
    const answer = await run("why-not-jef");
    expect(answer.notes[0]).toMatch(/^The objection: Re-orient the JEF/);
    expect(answer.excerpts.at(-1)?.group).toBe("What the author concludes");
  });
});
