import { beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../commands/index.js";
import { type Core, createCore } from "../../src/core/core.js";
import { findCommand } from "../../src/core/dispatch.js";
import { executeCommand } from "../../src/core/execute.js";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { corpusCopy, SHIPPED_CORPUS, SHIPPED_DOC, shippedCore } from "../helpers/corpus.js";
import { FIXTURE_PAGES, ingestInto } from "../helpers/ingest.js";
import { run } from "../helpers/run.js";

describe("/para", () => {
  it("shows a paragraph whole, cited, with the points of the map that quote it (ours)", async () => {
    const answer = await run("para", { number: 12 });
    expect(answer.excerpts).toHaveLength(1);
    expect(answer.excerpts[0]?.quote).toBe(shippedCore().corpus.paragraph(SHIPPED_DOC, 12)?.text);
    expect(answer.excerpts[0]?.elided).toBeUndefined();
    expect(answer.notes.join(" ")).toMatch(/The author's answer to an objection: Outside NATO/);
    expect(answer.followUps.map((f) => f.options)).toEqual([{ number: 11 }, { number: 13 }]);
    expectVerbatimAndCited(answer, shippedCore());
  });

  it("says which numbers exist when asked for one that does not", async () => {
    const answer = await run("para", { number: 99 });
    expect(answer.status).toBe("not-found");
    expect(answer.notices?.[0]).toMatch(/¶1 to ¶15 \(¶1 is the series note\)/);
    expect(answer.suggestions).toEqual(["/para 15"]);
  });

  it("names the readings when asked for one the corpus does not hold", async () => {
    const answer = await run("para", { number: 2, reading: "no-such-reading" });
    expect(answer.status).toBe("not-found");
    expect(answer.notices?.join(" ")).toContain(SHIPPED_DOC);
  });
});

describe("/para with two readings", () => {
  let core: Core;
  const command = (name: string) => {
    const found = findCommand(catalogue, name);
    if (!found) throw new Error(`no /${name} in the catalogue`);
    return found;
  };
  const para = (options: Record<string, unknown>) => executeCommand(core, command("para"), options);
  const search = (query: string) => executeCommand(core, command("search"), { query });

  beforeAll(async () => {
    const root = corpusCopy([SHIPPED_CORPUS]);
    await ingestInto(root, FIXTURE_PAGES.text.file, FIXTURE_PAGES.text.id);
    core = createCore(root);
  });

  it("opens the paragraph of the reading a search found, not the first reading's", async () => {
    const answer = await search("Budapest Memorandum");
    const whole = answer.followUps.find((f) => f.command === "para");
    expect(whole?.options.reading).toBe(answer.excerpts[0]?.source.documentId);
    const opened = await para(whole?.options ?? {});
    expect(opened.excerpts[0]?.paragraphText ?? opened.excerpts[0]?.quote).toContain(
      answer.excerpts[0]?.quote ?? "-",
    );
    expect(opened.excerpts[0]?.source.documentId).toBe(FIXTURE_PAGES.text.id);
  });

  it("says which reading a bare number comes from, and how to reach the others", async () => {
    const answer = await para({ number: 2 });
    expect(answer.notices?.[0]).toContain(`/para 2 --reading ${FIXTURE_PAGES.text.id}`);
  });
});
