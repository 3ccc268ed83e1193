import { describe, expect, it } from "vitest";
import { createCore } from "../../../src/core/core.js";
import type { CorpusModel } from "../../../src/core/corpus/model.js";
import { type AifDocument, EDITORS_SUMMARY_PREFIX, toAif } from "../../../src/core/export/aif.js";
import { shippedCore } from "../../helpers/corpus.js";
import { MAP_FIXTURE_CORPUS } from "./fixture.js";

const fixture = createCore(MAP_FIXTURE_CORPUS).corpus;
const corpora: [string, CorpusModel][] = [
  ["the shipped corpus", shippedCore().corpus],
  ["the map fixture", fixture],
];

function degrees(aif: AifDocument) {
  const incoming = new Map<string, number>();
  const outgoing = new Map<string, number>();
  for (const edge of aif.edges) {
    outgoing.set(edge.fromID, (outgoing.get(edge.fromID) ?? 0) + 1);
    incoming.set(edge.toID, (incoming.get(edge.toID) ?? 0) + 1);
  }
  return {
    incoming: (id: string) => incoming.get(id) ?? 0,
    outgoing: (id: string) => outgoing.get(id) ?? 0,
  };
}

describe.each(corpora)("the AIF export of %s", (_, corpus) => {
  const aif = toAif(corpus, { now: new Date("2024-05-01T12:34:56Z") });
  const byId = new Map(aif.nodes.map((n) => [n.nodeID, n]));

  it("has unique node and edge ids, and every edge's ends exist", () => {
    expect(byId.size).toBe(aif.nodes.length);
    expect(new Set(aif.edges.map((e) => e.edgeID)).size).toBe(aif.edges.length);
    for (const edge of aif.edges) {
      expect(byId.has(edge.fromID), edge.edgeID).toBe(true);
      expect(byId.has(edge.toID), edge.edgeID).toBe(true);
    }
  });

  it("gives every RA and CA node at least one edge in and exactly one out", () => {
    const { incoming, outgoing } = degrees(aif);
    for (const node of aif.nodes.filter((n) => n.type !== "I")) {
      expect(incoming(node.nodeID), node.nodeID).toBeGreaterThanOrEqual(1);
      expect(outgoing(node.nodeID), node.nodeID).toBe(1);
    }
  });

  it("never links two I-nodes directly", () => {
    for (const edge of aif.edges) {
      expect([byId.get(edge.fromID)?.type, byId.get(edge.toID)?.type]).not.toEqual(["I", "I"]);
    }
  });

  it("counts match the model: an I-node per node, an RA per support, a CA per attack, rebuttal or undercut", () => {
    const count = (type: string) => aif.nodes.filter((n) => n.type === type).length;
    expect(count("I")).toBe(corpus.nodes.length);
    expect(count("RA")).toBe(corpus.relations.filter((r) => r.type === "supports").length);
    expect(count("CA")).toBe(corpus.relations.filter((r) => r.type !== "supports").length);
    expect(aif.edges).toHaveLength(2 * corpus.relations.length);
    expect(aif.locutions).toEqual([]);
  });

  it("uses the author's words verbatim for I-nodes, and marks our summaries as ours", () => {
    const texts = aif.nodes.filter((n) => n.type === "I").map((n) => n.text);
    expect(texts).toEqual(
      corpus.nodes.map(
        (n) => n.quotes[0]?.text ?? `${EDITORS_SUMMARY_PREFIX}${n.summary ?? n.label}`,
      ),
    );
    for (const node of aif.nodes) expect(node.timestamp).toBe("2024-05-01 12:34:56");
  });
});

describe("AIF undercuts", () => {
  const aif = toAif(fixture);
  const iNode = (id: string) => {
    const node = fixture.node(id);
    return aif.nodes.find((n) => n.type === "I" && n.text === node?.quotes[0]?.text)?.nodeID;
  };
  const targetOfConflictFrom = (fromId: string) => {
    const ca = aif.edges.find((e) => e.fromID === iNode(fromId))?.toID;
    const target = aif.edges.find((e) => e.fromID === ca)?.toID;
    return aif.nodes.find((n) => n.nodeID === target);
  };

  it("attack the inference (the RA node) when the target has exactly one supporter", () => {
    // who-pays undercuts costs; only record supports costs. who-pays has no quote, so find its
    // CA from its (summary) I-node.
    const whoPays = aif.nodes.find(
      (n) => n.text.startsWith(EDITORS_SUMMARY_PREFIX) && n.text.includes("who pays"),
    );
    const ca = aif.edges.find((e) => e.fromID === whoPays?.nodeID)?.toID;
    const target = aif.edges.find((e) => e.fromID === ca)?.toID;
    const ra = aif.nodes.find((n) => n.nodeID === target);
    expect(ra?.type).toBe("RA");
    expect(aif.edges.some((e) => e.fromID === iNode("record") && e.toID === ra?.nodeID)).toBe(true);
  });

  it("attack the node itself when it has no single supporting inference", () => {
    // plain-text undercuts club-fast, which nothing supports.
    expect(targetOfConflictFrom("plain-text")?.nodeID).toBe(iNode("club-fast"));
  });
});
