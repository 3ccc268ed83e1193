import { describe, expect, it } from "vitest";
import type { MapNode } from "../../../src/core/corpus/model.js";
import { drillPool, keyTerms, nextInPool, scoreReply } from "../../../src/core/debate/drill.js";
import { contentTerms } from "../../../src/core/search/terms.js";
import { GOOD_REPLIES } from "../../fixtures/drill-replies.js";
import { shippedCore } from "../../helpers/corpus.js";

const core = shippedCore();
const { corpus } = core;
const node = (id: string) => corpus.node(id) as MapNode;
const pillar = (id: string) => node(id);

const OFF_TOPIC = "I think pizza is better than pasta, especially on sunny Sundays.";

describe("drillPool", () => {
  it("holds only objections the author answers, each at its index among all objections", () => {
    const pool = drillPool(corpus, undefined);
    const all = corpus.nodesOfKind("objection");
    expect(pool.objections.length).toBe(all.length - corpus.unansweredObjections().length);
    for (const { node: o, index } of pool.objections) {
      expect(all[index]).toBe(o);
      expect(corpus.rebuttalsOf(o.key).length).toBeGreaterThan(0);
    }
    expect(Object.keys(GOOD_REPLIES).sort()).toEqual(pool.objections.map((o) => o.node.id).sort());
  });

  it("narrows to a pillar's objections, leaving out the ones the text leaves open", () => {
    const ids = drillPool(corpus, pillar("coalition")).objections.map((o) => o.node.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "obj-arming-alone",
        "obj-work-through-frameworks",
        "obj-reorient-jef",
        "obj-coalition-replaces-nato",
      ]),
    );
    expect(ids).not.toContain("obj-france-uncertain");
    expect(ids).not.toContain("obj-no-nuclear-umbrella");
    expect(ids).not.toContain("obj-eu-secondary");
    expect(drillPool(corpus, pillar("g7")).objections).toEqual([]);
  });

  it("cycles through the whole pool with “Next”", () => {
    const pool = drillPool(corpus, pillar("coalition"));
    const first = pool.objections[0];
    const seen: string[] = [];
    let at = first?.index ?? -1;
    for (let i = 0; i < pool.objections.length; i++) {
      const next = nextInPool(pool, at);
      seen.push(next?.node.id ?? "");
      at = next?.index ?? -1;
    }
    expect(new Set(seen).size).toBe(pool.objections.length);
    expect(seen.at(-1)).toBe(first?.node.id);
  });
});

describe("scoreReply", () => {
  it.each(Object.entries(GOOD_REPLIES))(
    "scores a good answer to %s above an off-topic one",
    (id, reply) => {
      const good = scoreReply(core, node(id), reply);
      const off = scoreReply(core, node(id), OFF_TOPIC);
      expect(good.hit.length).toBeGreaterThanOrEqual(2);
      expect(good.hit.length).toBeGreaterThan(off.hit.length);
      expect(off.hit).toEqual([]);
      expect(good.hit.length + good.missed.length).toBe(off.missed.length);
    },
  );

  it("counts a synonym the corpus lists (“MoU” for memorandum of understanding)", () => {
    const withAcronym = scoreReply(core, node("obj-reorient-jef"), "It is only an MoU.");
    expect(withAcronym.hit.map((t) => t.term)).toContain("memorandum");
  });

  it("shows which supporting claims the reply used", () => {
    const score = scoreReply(
      core,
      node("obj-work-through-frameworks"),
      GOOD_REPLIES["obj-work-through-frameworks"] ?? "",
    );
    expect(score.claims.map((c) => [c.node.id, c.used])).toEqual([["coal-speed", true]]);
    const missed = scoreReply(
      core,
      node("obj-work-through-frameworks"),
      "Cautious states cannot block it.",
    );
    expect(missed.claims.map((c) => c.used)).toEqual([false]);
  });

  it("does not credit words the objection itself already uses", () => {
    const objection = node("obj-reorient-jef");
    const given = new Set(contentTerms(`${objection.label} ${objection.summary ?? ""}`));
    const score = scoreReply(core, objection, "the JEF");
    for (const t of [...score.hit, ...score.missed]) expect(given.has(t.term)).toBe(false);
  });
});

describe("keyTerms", () => {
  it("prefers terms the gist shares, rare in the reading, and skips linking words", () => {
    const terms = keyTerms(
      corpus,
      {
        text: "However, the JEF was established by the memorandum of understanding; thus, it is not a Treaty-bound arrangement.",
        gist: "memorandum",
      },
      new Set(),
      3,
    );
    expect(terms[0]?.term).toBe("memorandum");
    expect(terms.map((t) => t.term)).not.toContain("however");
    expect(terms.map((t) => t.term)).not.toContain("thus");
  });
});
