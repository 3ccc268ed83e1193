import { describe, expect, it } from "vitest";
import { caseAgainst, objectionsInScope } from "../../src/core/debate/brief.js";
import { resolveMotion } from "../../src/core/debate/motion.js";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";
import { cliJson, cliText } from "./debate-cli.js";

const core = shippedCore();
const { corpus } = core;

describe("/brief side:against", () => {
  it("lists every objection of the pillar with the author's answers, and every unanswered one", async () => {
    const answer = await run("brief", { side: "against", motion: "coalition" });
    expect(answer.status).toBe("ok");
    const scope = resolveMotion(core, "coalition");
    if (scope.kind === "unmatched") throw new Error("coalition did not match");
    const related = answer.related.map((r) => r.id);
    for (const o of objectionsInScope(core, scope)) expect(related).toContain(o.id);
    for (const o of corpus.unansweredObjections().filter((u) => u.pillar === scope.root.key)) {
      expect(answer.notes).toContainEqual(
        expect.stringContaining(
          `Unanswered in the text (our reading, not the author's): ${o.label}`,
        ),
      );
    }
    // What comes back: a rebuttal card under each answered objection.
    for (const a of caseAgainst(core, scope).answered) {
      expect(
        answer.excerpts.some(
          (e) => e.group?.endsWith(a.objection.label) && e.label?.startsWith("What comes back"),
        ),
      ).toBe(true);
    }
    expectVerbatimAndCited(answer, core);
  });

  it("marks the opponent's questions as ours, not the source's", async () => {
    const answer = await run("brief", { side: "against", motion: "coalition" });
    const questions = answer.notes.filter((n) =>
      n.startsWith("Question to press (ours, not from the source): "),
    );
    expect(questions.length).toBeGreaterThanOrEqual(3);
  });

  it("works from the CLI: `brief --side against --motion coalition`", async () => {
    const answer = await cliJson("brief", "--side", "against", "--motion", "coalition");
    expect(answer.related.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        "obj-reorient-jef",
        "obj-france-uncertain",
        "obj-no-nuclear-umbrella",
      ]),
    );
    expectVerbatimAndCited(answer, core);
    const text = await cliText("brief", "--side", "against", "--motion", "coalition");
    expect(text).toContain("── Objection 1: ");
    expect(text).toContain("── Left open: Who would actually join the coalition? (our heading)");
    expect(text).toContain("Editor's notes (our words, not the author's):");
  });
});

describe("/brief side:for", () => {
  it("gives the author's case in speaking order: the pillar, then claims with their evidence", async () => {
    const answer = await run("brief", { side: "for", motion: "coalition" });
    const groups = [...new Set(answer.excerpts.map((e) => e.group))];
    expect(groups[0]).toBe("Open with: Coalition of the willing as a transition, not a substitute");
    expect(groups.slice(1).every((g, i) => g?.startsWith(`Claim ${i + 1}: `))).toBe(true);
    expect(answer.excerpts.some((e) => e.label?.startsWith("Evidence: "))).toBe(true);
    expect(answer.copyText?.startsWith("BRIEF FOR: coalition (our outline; quotes verbatim)")).toBe(
      true,
    );
    expectVerbatimAndCited(answer, core);
  });

  it("takes a free-text motion and warns when it opposes the author", async () => {
    const answer = await run("brief", {
      side: "for",
      motion: "Ukraine should just wait for NATO membership",
    });
    expect(answer.status).toBe("ok");
    expect(
      (answer.notices ?? []).some((n) => n.includes("a position the author argues against")),
    ).toBe(true);
  });
});

describe("/brief with a motion the reading does not address", () => {
  it("says so, and names the nearest nodes", async () => {
    const answer = await run("brief", {
      side: "for",
      motion: "This house would ban nuclear power in Brazil",
    });
    expect(answer.status).toBe("not-found");
    expect(answer.title).toBe("This reading does not address that");
    expect(answer.related.length).toBeGreaterThan(0);
    expect(
      answer.notes.some((n) => n.startsWith("Nearest points in the reading (our labels): ")),
    ).toBe(true);
    expect(answer.suggestions.every((s) => s.startsWith("/brief side:for motion:"))).toBe(true);
    expect(answer.excerpts).toEqual([]);
  });

  it("rejects a side that is neither for nor against", async () => {
    const answer = await run("brief", { side: "maybe", motion: "coalition" });
    expect(answer.status).toBe("invalid-input");
  });
});
