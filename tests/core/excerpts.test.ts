import { describe, expect, it } from "vitest";
import type { MapNode } from "../../src/core/corpus/model.js";
import { nodeExcerpts } from "../../src/core/excerpts.js";
import { shippedCore } from "../helpers/corpus.js";

const node = (id: string) => shippedCore().corpus.node(id) as MapNode;

describe("a node's quotes as excerpts", () => {
  it("keeps the map's cut and marks where it falls inside the paragraph", () => {
    const [objection] = nodeExcerpts(node("obj-arming-alone"));
    expect(objection?.quote).toBe(node("obj-arming-alone").quotes[0]?.text);
    expect(objection?.elided).toEqual({ before: false, after: true });
    expect(nodeExcerpts(node("obj-france-uncertain"))[0]?.elided).toEqual({
      before: true,
      after: false,
    });
    expect(nodeExcerpts(node("ctx-series"))[0]?.elided).toBeUndefined();
  });

  it("labels each excerpt with the node's role and label (ours) and takes extra fields", () => {
    const [excerpt] = nodeExcerpts(node("coal-speed"), { group: "Main claims" }, 1);
    expect(excerpt).toMatchObject({
      label: "The author's claim: A coalition can be set up quickly",
      group: "Main claims",
      node: { id: "coal-speed", kind: "claim" },
    });
  });
});
