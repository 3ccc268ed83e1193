import { describe, expect, it } from "vitest";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";

describe("/counter", () => {
  it("gives the objections on NATO membership with the author's rebuttals", async () => {
    const answer = await run("counter", { topic: "waiting for NATO membership" });
    expect(answer.related.map((r) => r.id)).toContain("obj-wait-for-nato");
    expect(answer.excerpts.some((e) => e.label?.startsWith("The author's answer"))).toBe(true);
    expectVerbatimAndCited(answer, shippedCore());
  });

  it("lists every objection of a pillar, and flags the ones left unanswered", async () => {
    const answer = await run("counter", { topic: "coalition" });
    expect(answer.related.map((r) => r.id)).toEqual(
      expect.arrayContaining(["obj-arming-alone", "obj-reorient-jef", "obj-france-uncertain"]),
    );
    expect(answer.notes.some((n) => n.startsWith("Unanswered:"))).toBe(true);
  });

  it("lists all objections without a topic", async () => {
    const answer = await run("counter");
    expect(answer.related).toHaveLength(shippedCore().corpus.nodesOfKind("objection").length);
  });
});
