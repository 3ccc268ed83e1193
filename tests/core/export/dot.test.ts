import { instance } from "@viz-js/viz";
import { describe, expect, it } from "vitest";
import { createCore } from "../../../src/core/core.js";
import type { CorpusModel } from "../../../src/core/corpus/model.js";
import { toDotExport } from "../../../src/core/export/dot.js";
import { EXPORT_FORMATS, exportMap } from "../../../src/core/export/formats.js";
import { shippedCore } from "../../helpers/corpus.js";
import { MAP_FIXTURE_CORPUS } from "./fixture.js";

const viz = await instance();
const corpora: [string, CorpusModel][] = [
  ["the shipped corpus", shippedCore().corpus],
  ["the map fixture", createCore(MAP_FIXTURE_CORPUS).corpus],
];

describe.each(corpora)("the DOT export of %s", (_, corpus) => {
  const dot = toDotExport(corpus);

  it("lays out in Graphviz with every node, every relation and a legend", () => {
    const result = viz.render(dot, { format: "json" });
    expect(result.status).toBe("success");
    const graph = JSON.parse(result.status === "success" ? result.output : "{}") as {
      objects: { name: string }[];
      edges: unknown[];
    };
    const names = new Set(graph.objects.map((o) => o.name));
    for (const node of corpus.nodes) expect(names.has(node.key), node.key).toBe(true);
    expect(names.has("cluster_legend")).toBe(true);
    expect(graph.edges).toHaveLength(corpus.relations.length);
  });

  it("names the reading in its title and says the drawing is ours", () => {
    expect(dot).toMatch(/label=<<B>Argument map of [^<]+ \(our drawing\)<\/B>>/);
  });
});

describe("export formats", () => {
  it.each(EXPORT_FORMATS)(
    "%s ends with a newline and names a file and a content type",
    (format) => {
      const file = exportMap(shippedCore().corpus, format);
      expect(file.text.endsWith("\n")).toBe(true);
      expect(file.filename).toMatch(/^argument-map\./);
      expect(file.contentType).toMatch(/^(text\/|application\/json)/);
    },
  );
});
