import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../../src/core/paths.js";
import { shippedCore } from "../../helpers/corpus.js";

const run = promisify(execFile);
const CLI = `${projectRoot()}/dist/src/adapters/cli/main.js`;

/** Runs the built CLI (`npm test` builds first) and returns its output and exit code. */
async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd: projectRoot(),
      env: { ...process.env, CI: "true" },
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe("the one-shot CLI", () => {
  it("prints a rendered answer", async () => {
    const { stdout, code } = await cli("pillar", "coalition");
    expect(code).toBe(0);
    expect(stdout).toContain("Pillar: Coalition of the willing as a transition, not a substitute");
    expect(stdout).not.toContain("\u001b["); // not a TTY: plain text
  });

  it("keeps the --json contract: verbatim quotes with sources, in rank order", async () => {
    const { stdout, code } = await cli("search", "Is the JEF legally binding?", "--json");
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as {
      excerpts: {
        quote: string;
        paragraphText?: string;
        source: { documentId: string; section: string; paragraph: number; url: string };
      }[];
    };
    const { corpus } = shippedCore();
    const paragraph = corpus.paragraph("anisova-2023-no-need-to-wait", 13)?.text ?? "";
    expect(answer.excerpts[0]?.quote).toContain("it is not a Treaty-bound arrangement");
    expect(paragraph).toContain(answer.excerpts[0]?.quote ?? "-");
    // The whole paragraph travels as a plain string, never as a second quote.
    expect(answer.excerpts[0]?.paragraphText).toBe(paragraph);
    for (const excerpt of answer.excerpts) {
      expect(typeof excerpt.quote).toBe("string");
      expect(excerpt.source).toMatchObject({
        documentId: expect.any(String),
        section: expect.any(String),
        paragraph: expect.any(Number),
        url: expect.stringMatching(/^https:/),
      });
      expect(
        corpus
          .paragraph(excerpt.source.documentId, excerpt.source.paragraph)
          ?.text.includes(excerpt.quote),
      ).toBe(true);
    }
  });

  it("exits non-zero with a usage message on invalid usage", async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Usage: npm run -s cli --");
    const unknown = await cli("piller", "g7");
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain("Did you mean /pillar?");
    const badOption = await cli("search", "JEF", "--pgae", "2");
    expect(badOption.code).toBe(2);
    expect(badOption.stdout).toContain("--page");
  });

  it("stops with an error naming the file and node when the corpus is broken", async () => {
    const { corpusCopy, SHIPPED_CORPUS, SHIPPED_DOC } = await import("../../helpers/corpus.js");
    const root = corpusCopy(
      [SHIPPED_CORPUS],
      [
        {
          file: `${SHIPPED_DOC}/map.yaml`,
          from: "the only fully reliable option",
          to: "the only truly reliable option",
        },
      ],
    );
    try {
      await run(process.execPath, [CLI, "why-not-jef"], {
        env: { ...process.env, CORPUS_DIR: root },
      });
      expect.unreachable("the CLI must refuse a broken corpus");
    } catch (error) {
      const failed = error as { code: number; stderr: string; stdout: string };
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(`${SHIPPED_DOC}/map.yaml [thesis]: quote-not-verbatim`);
      expect(failed.stdout).toBe("");
    }
  });
});

describe("the CLI in a pipeline", () => {
  it("exits cleanly when the reader closes the pipe early", async () => {
    const { spawnSync } = await import("node:child_process");
    const result = spawnSync(
      "bash",
      [
        "-c",
        `set -o pipefail; "${process.execPath}" "${CLI}" export argdown | head -c 10 >/dev/null`,
      ],
      { encoding: "utf8" },
    );
    expect(result.stderr).not.toContain("EPIPE");
    expect(result.status).toBe(0);
  });
});
