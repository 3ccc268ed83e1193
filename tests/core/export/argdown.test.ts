import type { IArgument, IEquivalenceClass } from "@argdown/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCore } from "../../../src/core/core.js";
import type { CorpusModel } from "../../../src/core/corpus/model.js";
import {
  ARGDOWN_RELATION,
  argdownRole,
  argdownTitles,
  escapeArgdownText,
  toArgdown,
} from "../../../src/core/export/argdown.js";
import { shippedCore } from "../../helpers/corpus.js";
import { parseArgdown } from "./argdown-parse.js";
import { MAP_FIXTURE_CORPUS } from "./fixture.js";

const corpora: [string, CorpusModel][] = [
  ["the shipped corpus", shippedCore().corpus],
  ["the map fixture", createCore(MAP_FIXTURE_CORPUS).corpus],
];

/** The text of an element's defining member (references have no text). */
const definedText = (element: IEquivalenceClass | IArgument): string =>
  (element.members as { text?: string }[]).map((m) => m.text?.trim() ?? "").find((t) => t !== "") ??
  "";

describe.each(corpora)("the Argdown export of %s", (_, corpus) => {
  const text = toArgdown(corpus);
  const parsed = parseArgdown(text);
  const statements = Object.values(parsed.statements ?? {});
  const args = Object.values(parsed.arguments ?? {});
  const titles = argdownTitles(corpus.nodes);

  it("parses without lexer, parser or plugin errors", () => {
    expect(parsed.lexerErrors).toEqual([]);
    expect(parsed.parserErrors).toEqual([]);
    expect(parsed.exceptions).toEqual([]);
  });

  it("has as many statements, arguments and relations as our model", () => {
    const roles = corpus.nodes.map((n) => argdownRole(n, corpus.relations));
    expect(statements).toHaveLength(roles.filter((r) => r === "statement").length);
    expect(args).toHaveLength(roles.filter((r) => r === "argument").length);
    expect(parsed.relations).toHaveLength(corpus.relations.length);
  });

  it("has no empty or 'Untitled' members: every reference resolves to a definition", () => {
    for (const element of [...statements, ...args]) {
      expect(element.title).not.toMatch(/^Untitled/);
      expect(definedText(element), element.title).not.toBe("");
    }
    expect(new Set([...statements, ...args].map((e) => e.title))).toEqual(new Set(titles.values()));
  });

  it("points every relation the right way: `+ <B>` under A is B supporting A", () => {
    const found = (parsed.relations ?? [])
      .map((r) => `${r.from?.title} ${r.relationType} ${r.to?.title}`)
      .sort();
    const expected = corpus.relations
      .map((r) => `${titles.get(r.from)} ${ARGDOWN_RELATION[r.type]} ${titles.get(r.to)}`)
      .sort();
    expect(found).toEqual(expected);
  });

  it("gives each element the author's first quote as its text (verbatim), or our summary", () => {
    const byTitle = new Map([...statements, ...args].map((e) => [e.title, e]));
    for (const node of corpus.nodes) {
      const element = byTitle.get(titles.get(node.key) ?? "");
      const expected = node.quotes[0]?.text ?? node.summary ?? node.label;
      expect(definedText(element as IArgument), node.id).toBe(expected.replace(/\s+/g, " ").trim());
    }
  });

  it("carries every quote and citation as data, and says when the text is ours", () => {
    const byTitle = new Map([...statements, ...args].map((e) => [e.title, e]));
    for (const node of corpus.nodes) {
      const data = byTitle.get(titles.get(node.key) ?? "")?.data as
        | { id: string; textIs: string; quotes: { text: string; cite: string }[] }
        | undefined;
      expect(data?.id).toBe(node.id);
      expect(data?.textIs).toBe(node.quotes.length ? "author's quote" : "editors' summary");
      expect(data?.quotes.map((q) => q.text)).toEqual(node.quotes.map((q) => q.text));
      for (const [i, quote] of (data?.quotes ?? []).entries()) {
        expect(quote.cite).toMatch(new RegExp(`, ¶${node.quotes[i]?.source.paragraph}$`));
      }
    }
  });

  it("puts each pillar's nodes in the pillar's section", () => {
    const byTitle = new Map([...statements, ...args].map((e) => [e.title, e]));
    for (const node of corpus.nodes) {
      const section = byTitle.get(titles.get(node.key) ?? "")?.section?.title;
      const pillar = node.pillar ? corpus.node(node.pillar) : undefined;
      const expected = pillar
        ? `Pillar: ${pillar.label}`
        : node.kind === "context"
          ? "Context"
          : "Thesis";
      expect(section, node.id).toBe(expected);
    }
  });
});

/** Strings made of the characters Argdown gives meaning to, so the property meets them often. */
const syntaxSoup = fc.string({
  unit: fc.constantFrom(..."./:*-=#[]<>{}_@\\ \n\tAv1()+,;~!`'\"?>^|"),
  maxLength: 40,
});

describe("Argdown details", () => {
  it("round-trips the fixture map: counts match the fixture's own map file", () => {
    const fixture = createCore(MAP_FIXTURE_CORPUS).corpus;
    const parsed = parseArgdown(toArgdown(fixture));
    // map.yaml: 10 nodes (thesis, pillar and context as statements), 8 relations.
    expect(Object.keys(parsed.statements ?? {})).toHaveLength(3);
    expect(Object.keys(parsed.arguments ?? {})).toHaveLength(7);
    expect(parsed.relations).toHaveLength(8);
    expect(parsed.relations?.filter((r) => r.relationType === "undercut")).toHaveLength(2);
  });

  it("titles repeated labels apart and turns brackets into parentheses", () => {
    const titles = [...argdownTitles(createCore(MAP_FIXTURE_CORPUS).corpus.nodes).values()];
    expect(titles).toContain("The record");
    expect(titles).toContain("The record (record-again)");
    expect(titles).toContain("Alliances (formal) & (informal)");
  });

  it("makes an undercut node an argument even when its kind is usually a statement", () => {
    const shipped = shippedCore().corpus;
    const thesis = shipped.node("thesis");
    if (!thesis) throw new Error("no thesis");
    expect(argdownRole(thesis, shipped.relations)).toBe("statement");
    expect(argdownRole(thesis, [{ from: "x/y", type: "undercuts", to: thesis.key }])).toBe(
      "argument",
    );
  });

  it.each([
    ["U.A.E. and e.g. 2.5", "U\\.A\\.E. and e\\.g. 2.5"],
    [
      "#1 [ref] <arg> *bold* _it_ {data} @x",
      "\\#1 \\[ref\\] \\<arg\\> \\*bold\\* \\_it\\_ \\{data\\} \\@x",
    ],
    ["a // b /* c -- d === e", "a \\// b /\\* c \\-- d \\=\\== e"],
    ["post-war, NATO/EU", "post-war, NATO/EU"],
  ])("escapes %j as %j", (input, expected) => {
    expect(escapeArgdownText(input)).toBe(expected);
  });

  it("any text survives escaping: Argdown reads back exactly the text, on one line", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), syntaxSoup), (raw) => {
        const expected = raw.replace(/\s+/g, " ").trim();
        fc.pre(expected !== "");
        const parsed = parseArgdown(`[T]: ${escapeArgdownText(raw)}\n`);
        expect(parsed.lexerErrors).toEqual([]);
        expect(parsed.parserErrors).toEqual([]);
        expect(Object.keys(parsed.statements ?? {})).toEqual(["T"]);
        expect(Object.keys(parsed.arguments ?? {})).toEqual([]);
        expect(definedText(parsed.statements?.T as IEquivalenceClass)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
