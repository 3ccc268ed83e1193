import { join } from "node:path";
import { describe, expect, it } from "vitest";
import claim from "../../commands/claim.js";
import { createCore } from "../../src/core/core.js";
import { executeCommand } from "../../src/core/execute.js";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { corpusCopy, FIXTURE_CORPUS, FIXTURE_DOC, shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";

/** The tiny reading with twenty claims supporting its pillar. */
function crowdedCore() {
  const ids = Array.from({ length: 20 }, (_, i) => `support-${i + 1}`);
  const nodes = ids
    .map(
      (id) =>
        `  - id: ${id}\n    kind: claim\n    label: Supporting point ${id}\n    quotes:\n      - p: 1\n        text: Small states rarely defend themselves alone.\n`,
    )
    .join("");
  const relations = ids.map((id) => `  - { from: ${id}, type: supports, to: partners }\n`).join("");
  const root = corpusCopy(
    [FIXTURE_CORPUS],
    [
      {
        file: join(FIXTURE_DOC, "map.yaml"),
        from: "relations:\n",
        to: `${nodes}relations:\n${relations}`,
      },
    ],
  );
  return createCore(root);
}

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

  it("shows a bounded number of supporting points and says how many there are", async () => {
    const core = crowdedCore();
    const answer = await executeCommand(core, claim, { query: "partners" });
    const supporting = answer.excerpts.filter((e) => e.group === "Supported by");
    expect(supporting.length).toBeGreaterThan(0);
    expect(supporting.length).toBeLessThan(21);
    expect(answer.notes).toContain(
      `Showing ${supporting.length} of 21 supporting points; /map partners draws them all.`,
    );
    expectVerbatimAndCited(answer, core);
  });

  it("says so when nothing matches", async () => {
    expect((await run("claim", { query: "zebra crossings in Lisbon" })).status).toBe("not-found");
  });
});
