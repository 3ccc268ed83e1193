import { describe, expect, it } from "vitest";
import type { MapNode } from "../../../src/core/corpus/model.js";
import { focusView, fullView, resolveFocus, wholeMap } from "../../../src/core/map/select.js";
import { shippedCore } from "../../helpers/corpus.js";

const core = shippedCore();
const { corpus } = core;
const node = (id: string): MapNode => {
  const found = corpus.node(id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
};
const ids = (nodes: readonly MapNode[]) => nodes.map((n) => n.id).sort();

describe("the whole map", () => {
  const view = wholeMap(corpus);

  it("draws the thesis, every pillar and every claim, and nothing else", () => {
    expect(ids(view.nodes)).toEqual(
      ids(corpus.nodes.filter((n) => ["thesis", "pillar", "claim"].includes(n.kind))),
    );
    expect(view.nodes.filter((n) => n.kind === "pillar")).toHaveLength(3);
    expect(view.focus).toBeUndefined();
  });

  it("keeps exactly the relations between drawn nodes", () => {
    const shown = new Set(view.nodes.map((n) => n.key));
    const expected = corpus.relations.filter((r) => shown.has(r.from) && shown.has(r.to));
    expect(view.relations).toEqual(expected);
    expect(view.relations.length).toBeGreaterThan(25);
  });

  it("counts what it leaves out: evidence, objections (and which are unanswered), answers", () => {
    expect(view.hidden.get(node("thesis").key)).toEqual({
      supporters: 0,
      objections: 3,
      unanswered: 0,
      rebuttals: 0,
    });
    expect(view.hidden.get(node("coal-mutual-defence-clause").key)).toMatchObject({
      objections: 2,
      unanswered: 1,
    });
    expect(view.hidden.get(node("coal-ratification-hedge").key)).toMatchObject({ supporters: 2 });
    expect(view.hidden.has(node("coal-deters-post-war").key)).toBe(false);
  });

  it("the full view (for exports) hides nothing", () => {
    const full = fullView(corpus);
    expect(full.nodes).toHaveLength(corpus.nodes.length);
    expect(full.relations).toHaveLength(corpus.relations.length);
  });
});

describe("a focus view", () => {
  it("at depth 1 shows the focus, what it argues for, and what argues for or against it", () => {
    const view = focusView(corpus, node("coalition"), 1);
    expect(ids(view.nodes)).toEqual(
      [
        "coalition",
        "thesis",
        "coal-mutual-defence-clause",
        "coal-ratification-hedge",
        "coal-like-minded",
        "coal-deters-post-war",
        "coal-two-level-agreement",
        "coal-new-separate",
        "obj-coalition-replaces-nato",
      ].sort(),
    );
    expect(view.focus?.id).toBe("coalition");
    expect(view.depth).toBe(1);
  });

  it("at depth 2 adds the next ring, but not the other pillars reached through the thesis", () => {
    const view = focusView(corpus, node("coalition"), 2);
    const shown = ids(view.nodes);
    expect(shown).toEqual(
      expect.arrayContaining([
        "reb-complementary",
        "ev-finland-sweden-ratification",
        "obj-reorient-jef",
        "reb-jef-not-treaty",
        "obj-arming-alone",
        "coal-speed",
      ]),
    );
    for (const sibling of ["g7", "eu", "claim-institutionalise-support", "obj-wait-for-nato"]) {
      expect(shown).not.toContain(sibling);
    }
    // The thesis is in the picture and says what else argues for and against it.
    expect(view.hidden.get(node("thesis").key)).toMatchObject({ supporters: 5, objections: 3 });
  });

  it("from a claim walks up to its conclusions and down to its reasons", () => {
    expect(ids(focusView(corpus, node("coal-speed"), 1).nodes)).toEqual(
      ["coal-like-minded", "coal-speed", "reb-cannot-be-blocked"].sort(),
    );
    const two = ids(focusView(corpus, node("coal-speed"), 2).nodes);
    expect(two).toEqual(
      [
        "coal-like-minded",
        "coal-speed",
        "coalition",
        "obj-work-through-frameworks",
        "reb-cannot-be-blocked",
      ].sort(),
    );
    expect(two).not.toContain("ev-likely-members");
  });

  it("relations are those between shown nodes, of every type", () => {
    const view = focusView(corpus, node("obj-wait-for-nato"), 2);
    expect(new Set(view.relations.map((r) => r.type))).toEqual(
      new Set(["supports", "attacks", "rebuts", "undercuts"]),
    );
    const shown = new Set(view.nodes.map((n) => n.key));
    for (const r of view.relations) expect(shown.has(r.from) && shown.has(r.to)).toBe(true);
  });

  it.each([
    [0, 1],
    [2.7, 2],
    [9, 3],
  ])("clamps depth %s to %s", (depth, expected) => {
    expect(focusView(corpus, node("eu"), depth).depth).toBe(expected);
  });

  it("grows with depth and reaches almost the whole map at depth 3 from the thesis", () => {
    const sizes = [1, 2, 3].map((d) => focusView(corpus, node("thesis"), d).nodes.length);
    expect(sizes[0]).toBeLessThan(sizes[1] ?? 0);
    expect(sizes[1]).toBeLessThan(sizes[2] ?? 0);
    expect(sizes[2]).toBeGreaterThan(corpus.nodes.length - 10);
  });
});

describe("resolving a focus", () => {
  it.each([
    ["coalition", "exact", "coalition"],
    ["Coalition of the Willing", "exact", "coalition"],
    ["G-7", "exact", "g7"],
    ["coal-speed", "exact", "coal-speed"],
    ["A coalition can be set up quickly", "exact", "coal-speed"],
    ["coaliton", "corrected", "coalition"],
    ["cautious states cannot block the coalition", "searched", undefined],
  ])("%j → %s %s", (input, kind, id) => {
    const found = resolveFocus(core, input);
    expect(found.kind).toBe(kind);
    if (id && found.kind !== "none") expect(found.node.id).toBe(id);
  });

  it("says nothing matches words the map does not use, and offers the pillars", () => {
    const found = resolveFocus(core, "zzqx wobble");
    expect(found).toEqual({
      kind: "none",
      suggestions: expect.arrayContaining(["g7", "eu", "coalition"]),
    });
  });
});
