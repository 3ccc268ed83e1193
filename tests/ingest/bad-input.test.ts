import { execFile } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/core/paths.js";
import { IngestError } from "../../src/ingest/errors.js";
import { MAX_SOURCE_BYTES } from "../../src/ingest/read-source.js";
import { emptyDir, FIXTURE_PAGES, ingestInto, snapshotDir } from "../helpers/ingest.js";
import { makePdf } from "../helpers/pdf.js";

/** Makes the bad file in a scratch folder of its own; returns its path. */
type BadFile = (dir: string) => string;

const write =
  (name: string, content: string | Uint8Array): BadFile =>
  (dir) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

const CASES: ReadonlyArray<{ case: string; file: BadFile; id?: string; message: RegExp }> = [
  { case: "a missing file", file: (dir) => join(dir, "nowhere.txt"), message: /no such file/ },
  { case: "an empty file", file: write("empty.txt", ""), message: /the file is empty/ },
  {
    case: "a file of blank lines",
    file: write("blank.md", "\n   \n\t\n"),
    message: /the file has no text/,
  },
  {
    case: "a binary file",
    file: write(
      "photo.jpg",
      new Uint8Array([
        0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
      ]),
    ),
    message: /binary file/,
  },
  {
    case: "a broken PDF",
    file: write(
      "broken.pdf",
      "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n",
    ),
    message: /the PDF cannot be read|no body text found/,
  },
  {
    case: "a file named .pdf that is not one",
    file: write("notes.pdf", "Just some notes, saved with the wrong name.\n"),
    message: /is named \.pdf but is not a PDF/,
  },
  {
    case: "a PDF with no body text",
    file: (dir) => {
      const path = join(dir, "blank.pdf");
      writeFileSync(path, makePdf([[{ text: "1" }], [{ text: "2" }]], { Title: "Nothing here" }));
      return path;
    },
    message: /no body text found/,
  },
  {
    case: "text that is not UTF-8 (Latin-1)",
    file: write(
      "latin1.txt",
      Buffer.from("Défense européenne: une garantie crédible pour l'Ukraine.\n", "latin1"),
    ),
    message: /not UTF-8/,
  },
  {
    case: "a file over the size limit",
    file: write(
      "huge.txt",
      "A sentence of the page that goes on. ".repeat(MAX_SOURCE_BYTES / 37 + 10),
    ),
    message: /over the 5\.0 MB limit/,
  },
  {
    case: "a page with no body text",
    file: write(
      "menu.html",
      "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav><p>Share</p></body></html>",
    ),
    message: /no body text found/,
  },
  {
    case: "a plain-text page of chrome only",
    file: write(
      "chrome.txt",
      "Skip to content\nCommentary | 6 December 2023\nShare\nImage credit: someone\n",
    ),
    message: /no body text found/,
  },
  {
    case: "an id that is not a slug",
    file: () => FIXTURE_PAGES.text.file,
    id: "Second Reading!",
    message: /is not a slug/,
  },
  {
    case: "an id with a path in it",
    file: () => FIXTURE_PAGES.text.file,
    id: "../escape",
    message: /is not a slug/,
  },
];

describe("bad input: one line naming the file, and nothing written", () => {
  for (const bad of CASES) {
    it(`refuses ${bad.case}`, async () => {
      const corpus = emptyDir("corpus-");
      await ingestInto(corpus, FIXTURE_PAGES.markdown.file, "existing");
      const before = snapshotDir(corpus);
      const file = bad.file(emptyDir("page-"));
      let error: unknown;
      try {
        await ingestInto(corpus, file, bad.id ?? "new-reading");
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(IngestError);
      const message = (error as IngestError).message;
      expect(message.startsWith(`${file}: `)).toBe(true);
      expect(message).toMatch(bad.message);
      expect(message).not.toContain("\n");
      expect(snapshotDir(corpus)).toEqual(before);
    });
  }

  it("refuses an id that already exists, unless --force", async () => {
    const corpus = emptyDir("corpus-");
    await ingestInto(corpus, FIXTURE_PAGES.markdown.file, "taken");
    const before = snapshotDir(corpus);
    await expect(ingestInto(corpus, FIXTURE_PAGES.text.file, "taken")).rejects.toThrow(
      /a reading "taken" already exists in .*: choose another --id, or pass --force to replace it/,
    );
    expect(snapshotDir(corpus)).toEqual(before);
  });

  it("does not create the corpus folder when the input is refused", async () => {
    const corpus = join(emptyDir(), "not-yet");
    await expect(ingestInto(corpus, join(corpus, "missing.txt"), "x")).rejects.toThrow(IngestError);
    expect(existsSync(corpus)).toBe(false);
  });

  it("asks for the metadata a page does not give, by option", async () => {
    const page = write(
      "anonymous.txt",
      "The text of the page goes on for a while and says something.\nA second paragraph follows it, with another sentence of substance.\n",
    )(emptyDir());
    await expect(ingestInto(emptyDir(), page, "anon")).rejects.toThrow(
      /the page does not say its title, author, date, publisher: pass --title … --author … --date … --publisher …/,
    );
  });
});

describe("npm run ingest, as a tutor runs it", () => {
  const script = join(projectRoot(), "dist/scripts/ingest.js");
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [script, ...args]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it("prints a one-line error without a stack trace, exits 1 and writes nothing", async () => {
    const corpus = emptyDir("corpus-");
    const missing = join(corpus, "..", "no-such-page.html");
    const result = await run([missing, "--id", "x", "--out", corpus]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`ingest: ${missing}: no such file\n`);
    expect(snapshotDir(corpus)).toEqual({});
  });

  it("prints the report and exits 0", async () => {
    const corpus = emptyDir("corpus-");
    const result = await run([FIXTURE_PAGES.html.file, "--id", "air", "--out", corpus]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Ingested .*wierzbicki-2024-air-defence-first\.html \(HTML\) as /,
    );
    expect(result.stdout).toContain("kept:    5 paragraphs in 3 sections");
  });

  it("explains its usage when the id is missing", async () => {
    const result = await run([FIXTURE_PAGES.html.file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^ingest: give one file and --id\nusage: npm run ingest -- <file> --id <slug>/,
    );
  });
});
