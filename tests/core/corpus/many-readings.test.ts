import { execFile } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { citeShort } from "../../../src/core/cite.js";
import { type Core, createCore } from "../../../src/core/core.js";
import { runCorpusPipeline } from "../../../src/core/corpus/pipeline.js";
import { CorpusError, formatProblemsByReading } from "../../../src/core/corpus/problems.js";
import { runLine } from "../../../src/core/dispatch.js";
import { projectRoot } from "../../../src/core/paths.js";
import { SHIPPED_CORPUS, SHIPPED_DOC } from "../../helpers/corpus.js";
import { emptyDir, FIXTURE_PAGES, ingestInto } from "../../helpers/ingest.js";

/** The shipped reading and the three fixture pages, ingested, in one corpus folder. */
async function fourReadings(): Promise<string> {
  const root = emptyDir("corpus-");
  cpSync(join(SHIPPED_CORPUS, SHIPPED_DOC), join(root, SHIPPED_DOC), { recursive: true });
  for (const page of Object.values(FIXTURE_PAGES)) await ingestInto(root, page.file, page.id);
  return root;
}

describe("a corpus of several readings", () => {
  let root: string;
  let core: Core;
  beforeAll(async () => {
    root = await fourReadings();
    core = createCore(root, { drillSecret: "test-secret" });
  });

  it("loads every reading folder, and each cite names its author, short title and year", async () => {
    expect(core.corpus.documents.map((d) => [d.id, d.shortCite])).toEqual([
      [SHIPPED_DOC, "Anisova, “No need to wait”, ELN, 6 Dec 2023"],
      [FIXTURE_PAGES.text.id, "Kovalenko, “Guarantees without garrisons”, BPF, 14 Mar 2024"],
      [FIXTURE_PAGES.markdown.id, "Moreau, “A European pillar”, IEDP, 18 Sep 2024"],
      [FIXTURE_PAGES.html.id, "Wierzbicki, “Air defence first”, CESS, 2 May 2024"],
    ]);
  });

  it("tells apart, by their ids, readings whose cites would read alike (one piece ingested twice)", async () => {
    const twice = emptyDir("corpus-");
    cpSync(join(SHIPPED_CORPUS, SHIPPED_DOC), join(twice, SHIPPED_DOC), { recursive: true });
    // The shipped reading keeps the page it was made from: ingest it again, as a tutor might.
    await ingestInto(twice, join(SHIPPED_CORPUS, SHIPPED_DOC, "source.txt"), "second");
    const both = createCore(twice).corpus.documents.map((d) => d.shortCite);
    expect(both).toEqual([
      `Anisova, “No need to wait”, ELN, 6 Dec 2023 [${SHIPPED_DOC}]`,
      "Anisova, “No need to wait”, ELN, 6 Dec 2023 [second]",
    ]);
  });

  it("search ranks across readings and cites the reading each excerpt comes from", async () => {
    const answer = await runLine(core, catalogue, "/search nuclear arsenal 1994");
    const first = answer.excerpts[0];
    expect(first?.source.documentId).toBe(FIXTURE_PAGES.text.id);
    expect(first && citeShort(first.source, answer.sources)).toMatch(
      /^Kovalenko, “Guarantees without garrisons”, BPF, 14 Mar 2024, ¶\d+$/,
    );
    const elsewhere = await runLine(core, catalogue, "/search interceptors substations");
    expect(elsewhere.excerpts[0]?.source.documentId).toBe(FIXTURE_PAGES.html.id);
  });

  it("every command's examples answer, and every excerpt is cited to a reading the answer names", async () => {
    for (const command of catalogue) {
      for (const example of command.examples) {
        const answer = await runLine(core, catalogue, `/${example}`);
        expect(answer.status, example).not.toBe("error");
        for (const excerpt of answer.excerpts) {
          const cite = citeShort(excerpt.source, answer.sources);
          expect(cite, example).toMatch(
            /^\p{Lu}[\p{L}-]+, “[^”]+”, [A-Z]+, \d{1,2} \w{3} \d{4}, ¶\d+$/u,
          );
        }
      }
    }
  });

  it("/sources lists every reading with its APA, Chicago, MLA and BibTeX citations", async () => {
    const answer = await runLine(core, catalogue, "/sources");
    expect(answer.title).toBe("The 4 readings");
    expect(answer.sources.map((s) => s.id)).toEqual(core.corpus.documents.map((d) => d.id));
    for (const style of ["APA", "Chicago", "MLA", "BibTeX"])
      expect(answer.notes.filter((n) => n.startsWith(`${style}: `))).toHaveLength(4);
    expect(answer.notes).toContain(
      "APA: Wierzbicki, T. (2024, May 2). Air defence first: a layered shield for Ukraine’s cities [Policy brief]. Centre for Eastern Security Studies. https://eastern-security.example.org/briefs/air-defence-first/",
    );
    expect(answer.notes).toContain(
      "MLA: Moreau, Claire. “A European Pillar: Why the EU’s Defence Clause Matters for Ukraine.” Institute for European Defence Policy, 18 Sept. 2024, https://iedp.example.org/commentary/european-pillar/.",
    );
    expect(answer.notes).toContainEqual(
      expect.stringMatching(
        /^BibTeX: @misc\{Kovalenko2024Guarantees, author = \{Kovalenko, Marta\}, year = \{2024\},/,
      ),
    );
  });
});

describe("validating many readings", () => {
  it("refuses two readings with one id, naming both folders", async () => {
    const root = await fourReadings();
    cpSync(join(root, FIXTURE_PAGES.html.id), join(root, "air-defence-copy"), { recursive: true });
    const { problems } = runCorpusPipeline(root);
    expect(problems).toContainEqual({
      code: "duplicate-document",
      file: join(FIXTURE_PAGES.html.id, "document.yaml"),
      where: FIXTURE_PAGES.html.id,
      message: `the reading in air-defence-copy/ already has this id: every reading needs its own id (and folder of that name)`,
    });
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: "schema",
        file: join("air-defence-copy", "document.yaml"),
        where: "id",
      }),
    );
  });

  it("reports each problem under its reading, with the file and the node", async () => {
    const root = await fourReadings();
    const map = join(root, FIXTURE_PAGES.markdown.id, "map.yaml");
    writeFileSync(
      map,
      readFileSync(map, "utf8").replace(
        "The clause is a promise without a plan.",
        "The clause is a plan.",
      ),
    );
    const { problems, model } = runCorpusPipeline(root);
    expect(model).toBeUndefined();
    expect(formatProblemsByReading(problems)).toBe(
      [
        `  reading "${FIXTURE_PAGES.markdown.id}" fails its checks (2 problems):`,
        `    - ${FIXTURE_PAGES.markdown.id}/map.yaml [draft-promise]: quote-not-verbatim: the quote is not verbatim in ¶2: "The clause is a plan." (copy it exactly from text.md)`,
        `    - ${FIXTURE_PAGES.markdown.id}/map.yaml [¶2]: paragraph-uncited: no node quotes this paragraph: every paragraph must be cited by at least one node`,
      ].join("\n"),
    );
  });

  it("the program refuses to start on a reading that fails its fidelity checks, naming it", async () => {
    const root = await fourReadings();
    const text = join(root, FIXTURE_PAGES.text.id, "text.md");
    writeFileSync(
      text,
      readFileSync(text, "utf8").replace("Thirty years later", "Forty years later"),
    );
    expect(() => createCore(root)).toThrow(CorpusError);
    expect(() => createCore(root)).toThrow(
      new RegExp(
        `reading "${FIXTURE_PAGES.text.id}" fails its checks \\(\\d+ problems?\\):\\n {4}- ${FIXTURE_PAGES.text.id}/`,
      ),
    );
  });

  it("npm run validate checks the folder CORPUS_DIR names: a summary per reading, or every problem", async () => {
    const script = join(projectRoot(), "dist/scripts/validate.js");
    const validate = (dir: string) =>
      promisify(execFile)(process.execPath, [script], {
        env: { ...process.env, CORPUS_DIR: dir },
      }).then(
        ({ stdout }) => ({ code: 0, stdout, stderr: "" }),
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
    const root = await fourReadings();
    const ok = await validate(root);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("readings:      4");
    expect(ok.stdout).toContain(
      `${FIXTURE_PAGES.text.id}: Kovalenko, “Guarantees without garrisons”, BPF, 14 Mar 2024 · 7 paragraphs, 5 sections, 6 nodes · draft, 2 to do`,
    );
    expect(ok.stdout).toContain(
      "to do (document.yaml): url: the page does not give its address: add it",
    );

    cpSync(join(root, SHIPPED_DOC), join(root, "copy"), { recursive: true });
    const bad = await validate(root);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`reading "copy" fails its checks (2 problems):`);
    expect(bad.stderr).toContain(
      `copy/document.yaml [id]: schema: the id "${SHIPPED_DOC}" must equal the directory name "copy"`,
    );
    expect(bad.stderr).toContain(`copy/document.yaml [${SHIPPED_DOC}]: duplicate-document:`);
  });
});
