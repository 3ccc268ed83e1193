import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCorpusPipeline } from "../../src/core/corpus/pipeline.js";
import { parseText } from "../../src/core/corpus/text.js";
import { formatReport, type IngestResult } from "../../src/ingest/ingest.js";
import { SHIPPED_CORPUS, SHIPPED_DOC } from "../helpers/corpus.js";
import { bodyOf, emptyDir, FIXTURE_PAGES, ingestInto } from "../helpers/ingest.js";

/** Breaks a line into lines of at most `width` characters, between words. */
function wrap(line: string, width: number): string {
  const lines: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current && current.length + word.length + 1 > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...lines, current].join("\n");
}

function readingFiles(result: IngestResult) {
  const read = (name: string) => readFileSync(join(result.folder, name), "utf8");
  return {
    document: parse(read("document.yaml")) as Record<string, unknown>,
    text: parseText(read("text.md"), "text.md").text,
    textMd: read("text.md"),
    map: parse(read("map.yaml")) as {
      nodes: {
        id: string;
        kind: string;
        label: string;
        summary?: string;
        tags: string[];
        quotes?: { p: number; text: string }[];
      }[];
    },
  };
}

describe("ingesting the seed page (the shipped reading's scrape)", () => {
  const shipped = join(SHIPPED_CORPUS, SHIPPED_DOC);
  let result: IngestResult;
  beforeAll(() => {
    result = ingestInto(emptyDir(), join(shipped, "source.txt"), "second");
  });

  it("reproduces the shipped text.md: the same headings, section ids and paragraphs, in order", () => {
    expect(bodyOf(readingFiles(result).textMd)).toEqual(
      bodyOf(readFileSync(join(shipped, "text.md"), "utf8")),
    );
  });

  it("finds the shipped title, author, date, publisher, genre, series and pull quotes", () => {
    const ours = readingFiles(result).document;
    const theirs = parse(readFileSync(join(shipped, "document.yaml"), "utf8")) as Record<
      string,
      unknown
    >;
    for (const field of [
      "title",
      "author",
      "authorShort",
      "publisher",
      "publisherShort",
      "genre",
      "series",
      "attribution",
      "pullQuotes",
      "scrape",
    ])
      expect(ours[field], field).toEqual(theirs[field]);
    expect(String(ours.date)).toBe("2023-12-06");
  });

  it("writes a reading that validates, with the untouched page beside it", () => {
    const check = runCorpusPipeline(join(result.folder, ".."));
    expect(check.problems).toEqual([]);
    expect(readFileSync(join(result.folder, "source.txt"))).toEqual(
      readFileSync(join(shipped, "source.txt")),
    );
  });

  it("drafts a map: a thesis placeholder and one node per section citing every paragraph verbatim, all marked as drafts in our words", () => {
    const { map, text } = readingFiles(result);
    const [thesis, ...drafts] = map.nodes;
    expect(thesis).toMatchObject({ id: "thesis", kind: "thesis", tags: ["draft"] });
    expect(thesis?.quotes ?? []).toEqual([]);
    expect(drafts).toHaveLength(text.sections.length);
    for (const node of map.nodes) {
      expect(node.tags).toContain("draft");
      expect(node.summary).toMatch(/^Editors' draft, not the author's words/);
    }
    const cited = drafts.flatMap((n) => n.quotes ?? []).map((q) => q.p);
    expect(cited).toEqual(text.paragraphs.map((p) => p.number));
    for (const quote of drafts.flatMap((n) => n.quotes ?? []))
      expect(text.paragraphs[quote.p - 1]?.text.startsWith(quote.text)).toBe(true);
  });

  it("reports what was kept, dropped and why, what was found, and what the tutor must fill in", () => {
    const report = formatReport("seed.txt", result, "/");
    expect(report).toContain(
      "kept:    15 paragraphs in 7 sections (headings ours: Series note, Introduction, Disclaimer)",
    );
    expect(report).toContain("dropped: 8 lines");
    for (const reason of [
      "skip link",
      "date line",
      "title",
      "pull quote of ¶2",
      "pull quote of ¶12",
      "image credit",
    ])
      expect(report).toMatch(new RegExp(`^    ${reason} +“`, "m"));
    expect(report).toMatch(/author +Kateryna Anisova +\(pull-quote attributions\)/);
    expect(report).toMatch(/publisher European Leadership Network +\(disclaimer\)/);
    expect(report).toMatch(/document\.yaml · url: the page does not give its address/);
    expect(report).toMatch(/map\.yaml · thesis: /);
  });
});

describe("ingesting a saved HTML page", () => {
  let result: IngestResult;
  beforeAll(() => {
    result = ingestInto(emptyDir(), FIXTURE_PAGES.html.file, FIXTURE_PAGES.html.id);
  });

  it("keeps the article's body paragraphs and headings only, each once", () => {
    const { text } = readingFiles(result);
    expect(text.sections.map((s) => [s.heading, s.editorial])).toEqual([
      ["Introduction", true],
      ["Why the sky comes first", false],
      ["A shield partners can sustain", false],
    ]);
    const paragraphs = text.paragraphs.map((p) => p.text);
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toMatch(/^Every winter since 2022 Russia/);
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
    const all = paragraphs.join("\n");
    // Navigation, header, byline, caption, share buttons, related links, footer: all gone.
    for (const chrome of [
      "Research",
      "Donate",
      "Skip to content",
      "By Tomasz",
      "Image credit",
      "Share",
      "Related briefs",
      "Training pipelines",
      "©",
      "Privacy",
    ])
      expect(all).not.toContain(chrome);
    // The pull quotes (an aside and a block quote) are not paragraphs of their own.
    expect(paragraphs.filter((p) => p.includes("cannot stop a missile over Kharkiv"))).toHaveLength(
      1,
    );
    expect(paragraphs.filter((p) => p.includes("protect more substations per euro"))).toHaveLength(
      1,
    );
  });

  it("reads the metadata from the page's head", () => {
    expect(readingFiles(result).document).toMatchObject({
      title: "Air defence first: a layered shield for Ukraine's cities",
      shortTitle: "Air defence first",
      author: "Tomasz Wierzbicki",
      authorShort: "Wierzbicki",
      publisher: "Centre for Eastern Security Studies",
      publisherShort: "CESS",
      genre: "Policy brief",
      date: "2024-05-02",
      url: "https://eastern-security.example.org/briefs/air-defence-first/",
      source: "source.html",
      pullQuotes: [{ paragraph: 3, text: expect.stringMatching(/^Short-range guns/) }],
    });
    expect(result.files).toContain("source.html");
  });
});

describe("ingesting Markdown", () => {
  let result: IngestResult;
  beforeAll(() => {
    result = ingestInto(emptyDir(), FIXTURE_PAGES.markdown.file, FIXTURE_PAGES.markdown.id);
  });

  it("keeps paragraphs and headings without their markup, and drops chrome and the pull quote", () => {
    const { text } = readingFiles(result);
    expect(text.sections.map((s) => s.heading)).toEqual([
      "Introduction",
      "A promise without a plan",
      "Three steps for the Union",
      "Disclaimer",
    ]);
    expect(text.paragraphs).toHaveLength(4);
    expect(text.paragraphs.map((p) => p.text).join("\n")).not.toMatch(
      /Share|Image credit|Skip to|\*|>/,
    );
    expect(result.classified.dropped.map((d) => d.reason)).toEqual([
      "skip link",
      "title",
      "share button",
      "pull quote of ¶2",
      "image credit",
    ]);
  });

  it("takes the metadata from the front matter", () => {
    expect(readingFiles(result).document).toMatchObject({
      title: "A European pillar: why the EU's defence clause matters for Ukraine",
      author: "Claire Moreau",
      date: "2024-09-18",
      publisher: "Institute for European Defence Policy",
      url: "https://iedp.example.org/commentary/european-pillar/",
    });
  });
});

describe("ingesting a plain-text scrape of another page", () => {
  it("finds the pull quote with its author's name after it, and the date line's genre", () => {
    const result = ingestInto(emptyDir(), FIXTURE_PAGES.text.file, FIXTURE_PAGES.text.id);
    const { document, text } = readingFiles(result);
    expect(document).toMatchObject({
      author: "Marta Kovalenko",
      date: "2024-03-14",
      genre: "Analysis",
      publisher: "Baltic Policy Forum",
      scrape: { pullQuoteSuffix: " Marta Kovalenko" },
      pullQuotes: [
        {
          paragraph: 3,
          text: "Assurances without enforcement invite the very aggression they were meant to prevent.",
        },
      ],
    });
    expect(text.sections.map((s) => s.id)).toEqual([
      "introduction",
      "lesson",
      "credible",
      "conclusion",
      "disclaimer",
    ]);
  });

  it("joins wrapped lines (text copied from a PDF viewer or an e-mail) back into the same paragraphs", () => {
    const page = readFileSync(FIXTURE_PAGES.text.file, "utf8");
    const wrapped = page
      .split("\n")
      .map((line) => (line.length > 100 ? wrap(line, 72) : line))
      .join("\n");
    expect(wrapped.split("\n").length).toBeGreaterThan(page.split("\n").length + 10);
    const dir = emptyDir();
    writeFileSync(join(dir, "wrapped.txt"), wrapped);
    const fromWrapped = ingestInto(emptyDir(), join(dir, "wrapped.txt"), "wrapped");
    const fromLines = ingestInto(emptyDir(), FIXTURE_PAGES.text.file, "lines");
    expect(readingFiles(fromWrapped).text).toEqual(readingFiles(fromLines).text);
    expect(fromWrapped.classified.pullQuotes).toEqual(fromLines.classified.pullQuotes);
    // No line-for-line check against a wrapped page: the source is kept, not matched.
    expect(readingFiles(fromWrapped).document).toMatchObject({ source: "source.txt" });
    expect(readingFiles(fromWrapped).document.scrape).toBeUndefined();
  });

  it("takes metadata given on the command line over what the page says", () => {
    const result = ingestInto(emptyDir(), FIXTURE_PAGES.text.file, "k", {
      overrides: { url: "https://bpf.example.org/analysis/garrisons/", date: "2024-03-15" },
    });
    expect(readingFiles(result).document).toMatchObject({
      url: "https://bpf.example.org/analysis/garrisons/",
      date: "2024-03-15",
    });
    expect(result.reading.todo.map((t) => t.field)).not.toContain("url");
  });

  it("replaces an existing reading with --force, and only then", () => {
    const corpus = emptyDir();
    ingestInto(corpus, FIXTURE_PAGES.text.file, "same");
    const again = ingestInto(corpus, FIXTURE_PAGES.markdown.file, "same", { force: true });
    expect(readingFiles(again).document.author).toBe("Claire Moreau");
    expect(existsSync(join(corpus, "same", "source.txt"))).toBe(false);
    expect(runCorpusPipeline(corpus).problems).toEqual([]);
  });
});
