import { rmSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadTrustedCorpus, runCorpusPipeline } from "../../../src/core/corpus/pipeline.js";
import { CorpusError } from "../../../src/core/corpus/problems.js";
import {
  corpusCopy,
  type Edit,
  FIXTURE_CORPUS,
  FIXTURE_DOC,
  SHIPPED_CORPUS,
} from "../../helpers/corpus.js";

const MAP = `${FIXTURE_DOC}/map.yaml`;

describe("the corpus pipeline", () => {
  it("loads the tiny fixture reading into a model", () => {
    const result = runCorpusPipeline(FIXTURE_CORPUS);
    expect(result.problems).toEqual([]);
    expect(result.model?.documents.map((d) => d.id)).toEqual([FIXTURE_DOC]);
    expect(result.quotesChecked).toBe(6); // five node quotes and one pull quote
  });

  it("handles several readings at once", () => {
    const root = corpusCopy([SHIPPED_CORPUS, FIXTURE_CORPUS]);
    const model = loadTrustedCorpus(root);
    expect(model.documents.map((d) => d.id).sort()).toEqual([
      "anisova-2023-no-need-to-wait",
      FIXTURE_DOC,
    ]);
    // Both readings have a node called "thesis": keys keep them apart, bare ids are ambiguous.
    expect(model.node(`${FIXTURE_DOC}/thesis`)?.label).toBe("Small states need written alliances");
    expect(model.node("thesis")).toBeUndefined();
    expect(model.node("clubs-faster")?.documentId).toBe(FIXTURE_DOC);
  });

  // Each broken fixture must fail with the right code, naming the file and the node.
  const broken: ReadonlyArray<{
    case: string;
    edits: Edit[];
    code: string;
    file: string;
    where: string | RegExp;
  }> = [
    {
      case: "a quote with one word changed",
      edits: [
        {
          file: MAP,
          from: "text: Small states rarely defend themselves alone.",
          to: "text: Small states rarely defend themselves together.",
        },
      ],
      code: "quote-not-verbatim",
      file: MAP,
      where: "not-alone",
    },
    {
      case: "a quote cited to the wrong paragraph",
      edits: [
        {
          file: MAP,
          from: "- p: 1\n        text: Small states rarely",
          to: "- p: 2\n        text: Small states rarely",
        },
      ],
      code: "quote-wrong-paragraph",
      file: MAP,
      where: "not-alone",
    },
    {
      case: "a paragraph number beyond the text",
      edits: [
        {
          file: MAP,
          from: "- p: 3\n        text: Informal clubs",
          to: "- p: 9\n        text: Informal clubs",
        },
      ],
      code: "paragraph-missing",
      file: MAP,
      where: "clubs-faster",
    },
    {
      case: "a dangling relation",
      edits: [
        {
          file: MAP,
          from: "{ from: not-alone, type: supports, to: partners }",
          to: "{ from: not-alone, type: supports, to: partnerz }",
        },
      ],
      code: "dangling-relation",
      file: MAP,
      where: "not-alone supports partnerz",
    },
    {
      case: "a duplicate id",
      edits: [{ file: MAP, from: "- id: clubs-dissolve", to: "- id: clubs-faster" }],
      code: "duplicate-id",
      file: MAP,
      where: "clubs-faster",
    },
    {
      case: "a malformed YAML file",
      edits: [{ file: MAP, from: "nodes:", to: "nodes: [" }],
      code: "yaml-syntax",
      file: MAP,
      where: /^line \d+$/,
    },
    {
      case: "an unknown node kind",
      edits: [{ file: MAP, from: "kind: objection", to: "kind: objjection" }],
      code: "schema",
      file: MAP,
      where: "clubs-faster",
    },
    {
      case: "a support cycle",
      edits: [
        {
          file: MAP,
          from: "relations:\n",
          to: "relations:\n  - { from: thesis, type: supports, to: not-alone }\n",
        },
      ],
      code: "support-cycle",
      file: MAP,
      where: /thesis|not-alone|partners/,
    },
    {
      case: "a pillar without claims",
      edits: [
        {
          file: MAP,
          from: "  - { from: not-alone, type: supports, to: partners }\n",
          to: "  - { from: not-alone, type: supports, to: thesis }\n",
        },
      ],
      code: "pillar-without-claims",
      file: MAP,
      where: "partners",
    },
    {
      case: "a glossary term listed where it does not occur",
      edits: [{ file: MAP, from: "occurs: [2]", to: "occurs: [3]" }],
      code: "glossary-term-absent",
      file: MAP,
      where: "treaty",
    },
    {
      case: "a paragraph no node cites",
      edits: [
        {
          file: `${FIXTURE_DOC}/text.md`,
          from: "just as fast.\n",
          to: "just as fast.\n\nA fourth paragraph nobody quotes.\n",
        },
      ],
      code: "paragraph-uncited",
      file: MAP,
      where: "¶4",
    },
    {
      case: "a pull quote that is not in its paragraph",
      edits: [
        {
          file: `${FIXTURE_DOC}/document.yaml`,
          from: "    text: Alliances protect small states only",
          to: "    text: Alliances protect big states only",
        },
      ],
      code: "quote-not-verbatim",
      file: `${FIXTURE_DOC}/document.yaml`,
      where: "pull quote ¶2",
    },
  ];

  it.each(broken)("rejects $case with code $code", ({ edits, code, file, where }) => {
    const result = runCorpusPipeline(corpusCopy([FIXTURE_CORPUS], edits));
    expect(result.model).toBeUndefined();
    const problem = result.problems.find((p) => p.code === code);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(problem?.file).toBe(file);
    expect(problem?.where).toMatch(
      typeof where === "string"
        ? new RegExp(`^${where.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)
        : where,
    );
  });

  it("reports every problem at once, not only the first", () => {
    const root = corpusCopy(
      [FIXTURE_CORPUS],
      [...(broken[0]?.edits ?? []), ...(broken[3]?.edits ?? [])],
    );
    const codes = runCorpusPipeline(root).problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(["quote-not-verbatim", "dangling-relation"]));
  });

  it("throws a CorpusError whose message names the file, the node and the problem", () => {
    const root = corpusCopy([FIXTURE_CORPUS], broken[0]?.edits ?? []);
    expect(() => loadTrustedCorpus(root)).toThrow(CorpusError);
    expect(() => loadTrustedCorpus(root)).toThrow(
      /tiny-reading\/map\.yaml \[not-alone\]: quote-not-verbatim/,
    );
  });

  it("reports a missing file and a missing corpus directory", () => {
    expect(runCorpusPipeline("/nonexistent/corpus").problems[0]?.code).toBe("file-missing");
    const root = corpusCopy([FIXTURE_CORPUS]);
    rmSync(`${root}/${FIXTURE_DOC}/text.md`);
    const problem = runCorpusPipeline(root).problems.find((p) => p.code === "file-missing");
    expect(problem?.file).toBe(`${FIXTURE_DOC}/text.md`);
  });
});
