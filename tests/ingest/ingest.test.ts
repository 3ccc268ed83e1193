import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCorpusPipeline } from "../../src/core/corpus/pipeline.js";
import { parseText } from "../../src/core/corpus/text.js";
import { formatReport, type IngestResult } from "../../src/ingest/ingest.js";
import { SHIPPED_CORPUS, SHIPPED_DOC } from "../helpers/corpus.js";
import { bodyOf, emptyDir, FIXTURE_PAGES, ingestInto } from "../helpers/ingest.js";
import { makePdf } from "../helpers/pdf.js";

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
  beforeAll(async () => {
    result = await ingestInto(emptyDir(), join(shipped, "source.txt"), "second");
  });

  it("reproduces the shipped text.md: the same headings, section ids and paragraphs, in order", async () => {
    expect(bodyOf(readingFiles(result).textMd)).toEqual(
      bodyOf(readFileSync(join(shipped, "text.md"), "utf8")),
    );
  });

  it("finds the shipped title, author, date, publisher, genre, series and pull quotes", async () => {
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

  it("writes a reading that validates, with the untouched page beside it", async () => {
    const check = runCorpusPipeline(join(result.folder, ".."));
    expect(check.problems).toEqual([]);
    expect(readFileSync(join(result.folder, "source.txt"))).toEqual(
      readFileSync(join(shipped, "source.txt")),
    );
  });

  it("drafts a map: a thesis placeholder and one node per section citing every paragraph verbatim, all marked as drafts in our words", async () => {
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

  it("reports what was kept, dropped and why, what was found, and what the tutor must fill in", async () => {
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
  beforeAll(async () => {
    result = await ingestInto(emptyDir(), FIXTURE_PAGES.html.file, FIXTURE_PAGES.html.id);
  });

  it("keeps the article's body paragraphs and headings only, each once", async () => {
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

  it("reads the metadata from the page's head", async () => {
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
  beforeAll(async () => {
    result = await ingestInto(emptyDir(), FIXTURE_PAGES.markdown.file, FIXTURE_PAGES.markdown.id);
  });

  it("keeps paragraphs and headings without their markup, and drops chrome and the pull quote", async () => {
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

  it("takes the metadata from the front matter", async () => {
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
  it("finds the pull quote with its author's name after it, and the date line's genre", async () => {
    const result = await ingestInto(emptyDir(), FIXTURE_PAGES.text.file, FIXTURE_PAGES.text.id);
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

  it("joins wrapped lines (text copied from a PDF viewer or an e-mail) back into the same paragraphs", async () => {
    const page = readFileSync(FIXTURE_PAGES.text.file, "utf8");
    const wrapped = page
      .split("\n")
      .map((line) => (line.length > 100 ? wrap(line, 72) : line))
      .join("\n");
    expect(wrapped.split("\n").length).toBeGreaterThan(page.split("\n").length + 10);
    const dir = emptyDir();
    writeFileSync(join(dir, "wrapped.txt"), wrapped);
    const fromWrapped = await ingestInto(emptyDir(), join(dir, "wrapped.txt"), "wrapped");
    const fromLines = await ingestInto(emptyDir(), FIXTURE_PAGES.text.file, "lines");
    expect(readingFiles(fromWrapped).text).toEqual(readingFiles(fromLines).text);
    expect(fromWrapped.classified.pullQuotes).toEqual(fromLines.classified.pullQuotes);
    // No line-for-line check against a wrapped page: the source is kept, not matched.
    expect(readingFiles(fromWrapped).document).toMatchObject({ source: "source.txt" });
    expect(readingFiles(fromWrapped).document.scrape).toBeUndefined();
  });

  it("takes metadata given on the command line over what the page says", async () => {
    const result = await ingestInto(emptyDir(), FIXTURE_PAGES.text.file, "k", {
      overrides: { url: "https://bpf.example.org/analysis/garrisons/", date: "2024-03-15" },
    });
    expect(readingFiles(result).document).toMatchObject({
      url: "https://bpf.example.org/analysis/garrisons/",
      date: "2024-03-15",
    });
    expect(result.reading.todo.map((t) => t.field)).not.toContain("url");
  });

  it("replaces an existing reading with --force, and only then", async () => {
    const corpus = emptyDir();
    await ingestInto(corpus, FIXTURE_PAGES.text.file, "same");
    const again = await ingestInto(corpus, FIXTURE_PAGES.markdown.file, "same", { force: true });
    expect(readingFiles(again).document.author).toBe("Claire Moreau");
    expect(existsSync(join(corpus, "same", "source.txt"))).toBe(false);
    expect(runCorpusPipeline(corpus).problems).toEqual([]);
  });
});

describe("ingesting a PDF", () => {
  const HEAD = "Baltic Policy Forum | Analysis";
  const pdf = makePdf(
    [
      [
        { text: HEAD, size: 8 },
        { text: "Guarantees without garrisons", size: 16, gapBefore: 20 },
        { text: "Share", gapBefore: 10 },
        {
          text: "In December 1994 Ukraine gave up the third-largest nuclear arsenal in",
          gapBefore: 12,
        },
        { text: "the world in exchange for assurances from the United States, the United" },
        { text: "Kingdom and Russia. Those assurances did not promise that anyone would" },
        { text: "defend its borders." },
        { text: "The lesson of 1994", size: 13, gapBefore: 12 },
        {
          text: "The memorandum was a political document, not a treaty. None of its",
          gapBefore: 6,
        },
        { text: "signatories ratified it, and none accepted an obligation to act." },
        { text: "The memorandum was a political document, not a treaty.", size: 14, gapBefore: 12 },
        { text: "1", gapBefore: 200 },
      ],
      [
        { text: HEAD, size: 8 },
        {
          text: "Assurances without enforcement invite the very aggression they were",
          gapBefore: 20,
        },
        { text: "meant to prevent. A guarantee is credible only when its cost is paid" },
        { text: "before any crisis begins." },
        { text: "2", gapBefore: 300 },
      ],
    ],
    {
      Title: "Guarantees without garrisons",
      Author: "Marta Kovalenko",
      CreationDate: "D:20240314093000Z",
    },
  );
  let result: IngestResult;
  beforeAll(async () => {
    const dir = emptyDir();
    writeFileSync(join(dir, "garrisons.pdf"), pdf);
    result = await ingestInto(emptyDir(), join(dir, "garrisons.pdf"), "garrisons", {
      overrides: { publisher: "Baltic Policy Forum" },
    });
  });

  it("rebuilds paragraphs from wrapped lines, across pages, and headings from larger type", () => {
    const { text } = readingFiles(result);
    expect(text.sections.map((s) => [s.heading, s.editorial])).toEqual([
      ["Introduction", true],
      ["The lesson of 1994", false],
    ]);
    expect(text.paragraphs.map((p) => p.text)).toEqual([
      "In December 1994 Ukraine gave up the third-largest nuclear arsenal in the world in exchange for assurances from the United States, the United Kingdom and Russia. Those assurances did not promise that anyone would defend its borders.",
      "The memorandum was a political document, not a treaty. None of its signatories ratified it, and none accepted an obligation to act.",
      "Assurances without enforcement invite the very aggression they were meant to prevent. A guarantee is credible only when its cost is paid before any crisis begins.",
    ]);
  });

  it("drops running heads, page numbers, chrome and the pull quote", () => {
    expect(result.extracted.notes).toEqual([
      `running head, foot or page number left out: “${HEAD}”`,
      "running head, foot or page number left out: “1”",
      "running head, foot or page number left out: “2”",
    ]);
    expect(result.classified.dropped.map((d) => d.reason)).toEqual([
      "title",
      "share button",
      "pull quote of ¶2",
    ]);
  });

  it("takes title, author and date from the PDF's properties, and keeps the PDF", () => {
    expect(readingFiles(result).document).toMatchObject({
      title: "Guarantees without garrisons",
      author: "Marta Kovalenko",
      date: "2024-03-14",
      publisher: "Baltic Policy Forum",
      source: "source.pdf",
    });
    expect(readFileSync(join(result.folder, "source.pdf"))).toEqual(pdf);
    expect(runCorpusPipeline(join(result.folder, "..")).problems).toEqual([]);
  });
});
