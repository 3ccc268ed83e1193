import { describe, expect, it } from "vitest";
import type { MapNode } from "../../../src/core/corpus/model.js";
import {
  caseAgainst,
  caseFor,
  type MatchedScope,
  objectionsInScope,
} from "../../../src/core/debate/brief.js";
import { resolveMotion } from "../../../src/core/debate/motion.js";
import { SHIPPED_DOC, shippedCore } from "../../helpers/corpus.js";

const core = shippedCore();
const { corpus } = core;
const ids = (nodes: readonly MapNode[]) => nodes.map((n) => n.id);

function matched(motion: string): MatchedScope {
  const scope = resolveMotion(core, motion);
  if (scope.kind === "unmatched") throw new Error(`“${motion}” did not match`);
  return scope;
}

describe("resolveMotion", () => {
  it.each([
    ["coalition", "coalition", "pillar"],
    ["coalition of the willing", "coalition", "pillar"],
    ["G7", "g7", "pillar"],
    ["thesis", "thesis", "case"],
    ["Ukraine should get security guarantees", "thesis", "case"],
    ["the EU should admit Ukraine", "eu", "pillar"],
  ])("reads “%s” as %s (%s)", (motion, root, kind) => {
    const scope = matched(motion);
    expect(scope.root.id).toBe(root);
    expect(scope.kind).toBe(kind);
  });

  it("corrects a typo in a pillar name and says so", () => {
    expect(matched("coalitoin")).toMatchObject({
      correctedFrom: "coalitoin",
      root: { id: "coalition" },
    });
  });

  it("notices a motion that takes a side the author argues against", () => {
    expect(matched("Ukraine should just wait for NATO membership").opposes?.id).toBe(
      "obj-wait-for-nato",
    );
    expect(matched("the JEF should be re-oriented to guarantee Ukraine").opposes?.id).toBe(
      "obj-reorient-jef",
    );
  });

  it.each([
    "This house would ban nuclear power in Brazil",
    "Ukraine should host the Olympics",
    "climate finance",
  ])("does not stretch the reading to “%s”, and names the nearest nodes", (motion) => {
    const scope = resolveMotion(core, motion);
    expect(scope.kind).toBe("unmatched");
    if (scope.kind !== "unmatched") return;
    expect(scope.nearest.length).toBeGreaterThan(0);
    expect(scope.unknownTerms.length).toBeGreaterThan(0);
  });
});

describe("caseAgainst", () => {
  const pillarScopes = corpus.nodesOfKind("pillar").map((p) => [p.id, matched(p.id)] as const);

  it.each(pillarScopes)("lists every objection of the %s pillar, answered or not", (_id, scope) => {
    const brief = caseAgainst(core, scope);
    const listed = [
      ...brief.answered.map((a) => a.objection),
      ...brief.unanswered.map((u) => u.objection),
    ];
    const ofPillar = corpus
      .nodesOfKind("objection")
      .filter(
        (o) =>
          o.pillar === scope.root.key ||
          corpus.outgoing(o.key, "attacks", "undercuts").some((t) => t.pillar === scope.root.key),
      );
    expect(ofPillar.length).toBeGreaterThan(0);
    for (const o of ofPillar) expect(ids(listed)).toContain(o.id);
    expect(ids(listed)).toEqual(
      ids(objectionsInScope(core, scope)).filter((id) => ids(listed).includes(id)),
    );
  });

  it.each(pillarScopes)(
    "lists every unanswered attack on the %s pillar as unanswered",
    (_id, scope) => {
      const brief = caseAgainst(core, scope);
      const open = corpus.unansweredObjections().filter((o) => o.pillar === scope.root.key);
      expect(ids(brief.unanswered.map((u) => u.objection)).sort()).toEqual(ids(open).sort());
      for (const a of brief.answered) expect(a.answers.length).toBeGreaterThan(0);
    },
  );

  it("faces the whole case with every objection and every unanswered one", () => {
    const brief = caseAgainst(core, matched("thesis"));
    expect(brief.answered.length + brief.unanswered.length).toBe(
      corpus.nodesOfKind("objection").length,
    );
    expect(ids(brief.unanswered.map((u) => u.objection)).sort()).toEqual(
      ids(corpus.unansweredObjections()).sort(),
    );
  });

  it("gives the author's answers as verbatim cards of the rebuttals", () => {
    const brief = caseAgainst(core, matched("coalition"));
    const jef = brief.answered.find((a) => a.objection.id === "obj-reorient-jef");
    expect(jef?.answers.map((c) => c.node.id)).toEqual([
      "reb-jef-not-treaty",
      "reb-jef-northern-european",
      "reb-jef-baltic-focus",
    ]);
    for (const card of jef?.answers ?? []) {
      for (const body of card.bodies) {
        expect(corpus.paragraph(SHIPPED_DOC, body.excerpt.source.paragraph)?.text).toContain(
          body.excerpt.quote,
        );
      }
    }
  });
});

describe("opponent questions", () => {
  const questions = caseAgainst(core, matched("coalition")).questions;

  it("asks what rules out alternatives to “the only way”, citing the paragraph", () => {
    const only = questions.find((q) => q.node.id === "coal-mutual-defence-clause");
    expect(only?.reason).toBe("exclusive");
    expect(only?.text).toContain("“The only way to send Moscow a strong signal…” (¶10)");
    expect(only?.text).toContain("(our label)");
  });

  it("quotes only verbatim fragments of the paragraph it cites", () => {
    const all = caseAgainst(core, matched("thesis")).questions;
    expect(all.length).toBeGreaterThan(0);
    for (const q of [...questions, ...all]) {
      const match = /the text says “(.*)” \(¶(\d+)\)/.exec(q.text);
      if (!match) {
        expect(q.reason).toBe("unsupported");
        continue;
      }
      const paragraph = corpus.paragraph(SHIPPED_DOC, Number(match[2]))?.text ?? "";
      for (const piece of (match[1] as string).split("…").filter(Boolean))
        expect(paragraph).toContain(piece);
    }
  });

  it("asks for evidence behind claims that nothing in the map supports", () => {
    const unsupported = questions.filter((q) => q.reason === "unsupported");
    for (const q of unsupported) expect(corpus.supportersOf(q.node.key)).toHaveLength(0);
    expect(ids(unsupported.map((q) => q.node))).toContain("coal-deters-post-war");
  });

  it("does not mistake “First of all” or “not only” for sweeping claims", () => {
    const all = [...questions, ...caseAgainst(core, matched("thesis")).questions];
    expect(all.some((q) => /First of all|not only/.test(q.text))).toBe(false);
  });
});

describe("caseFor", () => {
  it("opens with the pillar, then claims that support it, each with evidence that supports the claim", () => {
    const scope = matched("coalition");
    const brief = caseFor(core, scope);
    expect(brief.root?.node.id).toBe("coalition");
    expect(brief.points.length).toBeGreaterThan(3);
    for (const point of brief.points) {
      expect(ids(corpus.supportersOf(scope.root.key))).toContain(point.claim.id);
      for (const e of point.evidence)
        expect(ids(corpus.supportersOf(point.claim.key))).toContain(e.node.id);
    }
    // The best-evidenced claim leads; the one exposed to an unanswered objection comes last.
    expect(brief.points[0]?.claim.id).toBe("coal-ratification-hedge");
    expect(brief.points.at(-1)?.claim.id).toBe("coal-mutual-defence-clause");
  });

  it("puts the motion's own topic first", () => {
    const brief = caseFor(
      core,
      matched("a coalition of like-minded nations is politically more effective"),
    );
    expect(brief.points[0]?.claim.id).toBe("coal-like-minded");
  });

  it("keeps brief cards to the highlighted sentences", () => {
    for (const point of caseFor(core, matched("eu")).points) {
      for (const body of point.card?.bodies ?? []) {
        expect(body.excerpt.quote.length).toBeLessThan(600);
        for (const h of body.excerpt.highlights ?? []) expect(body.excerpt.quote).toContain(h);
      }
    }
  });
});
