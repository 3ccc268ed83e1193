import { instance } from "@viz-js/viz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MapNode } from "../../../src/core/corpus/model.js";
import {
  citations,
  hiddenNote,
  nodeElementId,
  nodeLabel,
  toDot,
} from "../../../src/core/map/dot.js";
import { dotString, htmlText, wrapWords } from "../../../src/core/map/dot-syntax.js";
import { focusView, type MapView, wholeMap } from "../../../src/core/map/select.js";
import { shippedCore } from "../../helpers/corpus.js";

const { corpus } = shippedCore();
const viz = await instance();

/** Lays the DOT out with Graphviz; fails on anything but success. */
function layout(dot: string) {
  const result = viz.render(dot, { format: "json" });
  expect(result.status, JSON.stringify(result.errors)).toBe("success");
  expect(result.errors.filter((e) => e.level === "error")).toEqual([]);
  return JSON.parse(result.status === "success" ? result.output : "{}") as {
    objects?: { name: string; label?: string }[];
    edges?: { tail: number; head: number }[];
  };
}

describe("toDot", () => {
  const view = wholeMap(corpus);
  const dot = toDot(view, { title: "The whole argument · our drawing" });
  const graph = layout(dot);

  it("is well-formed: Graphviz lays it out with every node and relation", () => {
    const names = new Set(graph.objects?.map((o) => o.name));
    for (const node of view.nodes) expect(names.has(node.key), node.key).toBe(true);
    const legendEdges = 0;
    expect(graph.edges).toHaveLength(view.relations.length + legendEdges);
  });

  it("lays the map out left to right, conclusions first, with a legend cluster", () => {
    expect(dot).toMatch(/rankdir="LR"/);
    expect(dot).toMatch(/newrank="true"/);
    expect(dot).toContain("subgraph cluster_legend");
    expect(dot).toMatch(/edge \[dir="back"/);
    for (const relation of view.relations) {
      expect(dot).toContain(`${dotString(relation.to)} -> ${dotString(relation.from)}`);
    }
  });

  it("names in the legend every kind and relation type it draws, and no other", () => {
    const legend = dot.slice(dot.indexOf("subgraph cluster_legend"));
    for (const kind of ["thesis", "pillar", "claim"]) expect(legend).toContain(`>${kind}</TD>`);
    expect(legend).toContain(">supports</TD>");
    for (const absent of ["objection", "rebuttal", "evidence", "attacks", "undercuts"]) {
      expect(legend).not.toContain(`>${absent}</TD>`);
    }
  });

  it("labels each node with our label, its kind and the paragraphs of its quotes", () => {
    const pillar = corpus.node("coalition") as MapNode;
    const label = nodeLabel(pillar);
    expect(label).toContain(
      "<B>Coalition of the willing<BR/>as a transition, not a<BR/>substitute</B>",
    );
    expect(label).toContain("pillar · ¶2");
    expect(citations(corpus.node("eu-actorness") as MapNode)).toBe("¶7, ¶9");
    expect(citations(corpus.node("obj-wait-for-nato") as MapNode)).toBe("no quote");
  });

  it("marks the focus with a heavy border and notes what lies beyond the picture", () => {
    const focus = corpus.node("coal-speed") as MapNode;
    const around = focusView(corpus, focus, 1);
    const text = toDot(around);
    const line = text.split("\n").find((l) => l.trimStart().startsWith(dotString(focus.key)));
    expect(line).toContain("penwidth=4");
    expect(text).toContain("+1 supporting · 1 objection");
    expect(hiddenNote({ supporters: 0, objections: 2, unanswered: 1, rebuttals: 1 })).toBe(
      "2 objections (1 unanswered) · 1 answer",
    );
  });

  it("wraps labels so no column grows wide", () => {
    for (const node of corpus.nodes) {
      for (const line of wrapWords(node.label, 26, 4)) expect(line.length).toBeLessThanOrEqual(26);
    }
    expect(wrapWords("one two three four five six seven eight nine ten eleven", 10, 2)).toEqual([
      "one two",
      "three fou…",
    ]);
  });
});

describe("DOT escaping", () => {
  it.each([
    ['say "no"', '"say \\"no\\""'],
    ["back\\slash", '"back\\\\slash"'],
    ["line\nbreak", '"line break"'],
    ['end\\"; evil [shape=star]', '"end\\\\\\"; evil [shape=star]"'],
  ])("dotString(%j) = %s", (input, expected) => {
    expect(dotString(input)).toBe(expected);
  });

  it("htmlText keeps markup as text", () => {
    expect(htmlText(`<B>&"x'</B>`)).toBe("&lt;B&gt;&amp;&quot;x&#39;&lt;/B&gt;");
  });

  it("htmlText doubles backslashes, which Graphviz reads as escapes even in HTML-like labels", () => {
    expect(htmlText("a\\b \\N")).toBe("a\\\\b \\\\N");
  });

  it("any label or id lays out as exactly one node whose text is that label", () => {
    const sample = corpus.node("coal-speed") as MapNode;
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 24 }),
        fc.string({ maxLength: 30 }),
        (label, id) => {
          const node: MapNode = { ...sample, key: `doc/${id}`, id, label, quotes: [] };
          const view: MapView = {
            kind: "focus",
            nodes: [node],
            relations: [],
            hidden: new Map(),
            focus: node,
            depth: 1,
          };
          const graph = layout(toDot(view, { legend: false, title: label }));
          // Graphviz keeps an ID's backslashes as written (doubled); controls become spaces.
          const names = graph.objects?.map((o) => o.name.replace(/\\\\/g, "\\"));
          expect(names).toEqual([`doc/${id}`.replace(/[\p{Cc}\u2028\u2029]/gu, " ")]);
          const svg = viz.renderString(toDot(view, { legend: false }), { format: "svg" });
          const drawn = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
            .map((m) => decodeEntities(m[1] ?? ""))
            .join("");
          const squash = (s: string) => s.replace(/[\s\p{Cc}\u2028\u2029]/gu, "");
          const shown =
            wrapWords(label, 26, 4).join("") || wrapWords(id, 26, 4).join("") || "(no label)";
          expect(squash(drawn)).toContain(squash(shown));
        },
      ),
      {
        numRuns: 150,
        // Found by this property: two backslashes printed as one, and \N printed the node's name.
        examples: [
          ["", "\\\\"],
          ["see \\N and \\G", "x"],
        ],
      },
    );
  });
});

describe("the editors' open points", () => {
  const open = corpus.node("obj-no-nuclear-umbrella") as MapNode;
  const answered = corpus.node("obj-reorient-jef") as MapNode;
  const dot = toDot(focusView(corpus, corpus.node("coalition") as MapNode, 2));
  const lineOf = (node: MapNode) =>
    dot.split("\n").find((l) => l.trimStart().startsWith(dotString(node.key))) ?? "";

  it("are drawn apart from the objections the author answers: another border, fill and kind word", () => {
    expect(lineOf(open)).toContain('style="filled,dashed"');
    expect(lineOf(open)).toContain("open point (editors&#39;)");
    expect(lineOf(answered)).toContain('style="filled,diagonals"');
    expect(lineOf(answered)).not.toContain("open point");
  });

  it("have their own line in the legend", () => {
    const legend = dot.slice(dot.indexOf("subgraph cluster_legend"));
    expect(legend).toContain(">open point (editors&#39;)</TD>");
    expect(legend).toContain(">objection</TD>");
  });
});

describe("toDot for a web page", () => {
  const view = focusView(corpus, corpus.node("coal-speed") as MapNode, 1);

  it("makes every node a link with a stable element id and a class naming how it is drawn", () => {
    const graph = viz.render(toDot(view, { link: (node) => `/map?focus=${node.id}` }), {
      format: "svg",
    });
    expect(graph.status).toBe("success");
    const svg = graph.status === "success" ? graph.output : "";
    for (const node of view.nodes) {
      expect(svg).toContain(`id="${nodeElementId(node).replace(/-/g, "&#45;")}"`);
      expect(svg).toContain(`xlink:href="/map?focus=${node.id}"`);
    }
    expect(svg).toMatch(/class="node look&#45;claim"/);
  });

  it("adds no links, ids or classes to the chat picture", () => {
    const dot = toDot(view);
    expect(dot).not.toMatch(/URL=|\bid=|class=/);
  });
});

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, code: string) => {
    if (code[0] === "#")
      return String.fromCodePoint(
        code[1]?.toLowerCase() === "x" ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1)),
      );
    return (
      { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" }[code.toLowerCase()] ?? ""
    );
  });
}
