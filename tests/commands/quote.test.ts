import { describe, expect, it } from "vitest";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";
import { cliJson } from "./debate-cli.js";

const ISRAEL =
  "Solely arming Ukraine to ensure its ability to resist a potential renewed Russian attack, a so-called “European Israel” scenario, is unacceptable for Ukraine.";

describe("/quote", () => {
  it("gives one sentence, verbatim, with its cite and our reasons marked as ours", async () => {
    const answer = await run("quote", { topic: "European Israel" });
    expect(answer.excerpts).toHaveLength(1);
    expect(answer.excerpts[0]).toMatchObject({
      quote: ISRAEL,
      source: { paragraph: 10 },
      label: "Opening line",
    });
    expect(answer.excerpts[0]?.elided).toEqual({ before: false, after: true });
    expect(answer.copyText).toBe(`“${ISRAEL}” (Anisova, ELN, 6 Dec 2023, ¶10)`);
    expect(answer.notes[0]).toMatch(/^Our pick for “European Israel”: /);
    expectVerbatimAndCited(answer, shippedCore());
  });

  it("offers a card of the paragraph through the author's node", async () => {
    const answer = await run("quote", { topic: "European Israel" });
    expect(answer.followUps[0]).toEqual({
      label: "Card with its paragraph",
      command: "card",
      options: { query: "reb-arming-alone" },
    });
  });

  it("says so when the reading never mentions the topic", async () => {
    const answer = await run("quote", { topic: "zzyzx qwertyuiop" });
    expect(answer.status).toBe("not-found");
    expect(answer.suggestions[0]).toBe("/search zzyzx qwertyuiop");
  });

  it('works from the CLI: `quote "European Israel"`', async () => {
    const answer = await cliJson("quote", "European Israel");
    expect(answer.excerpts[0]?.quote).toBe(ISRAEL);
    expect(answer.sources[0]?.shortCite).toBe("Anisova, ELN, 6 Dec 2023");
  });
});
