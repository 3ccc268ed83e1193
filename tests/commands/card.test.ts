import { describe, expect, it } from "vitest";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { shippedCore } from "../helpers/corpus.js";
import { run } from "../helpers/run.js";
import { cliJson, cliText } from "./debate-cli.js";

describe("/card", () => {
  it("makes a card for the claim that matches, with the key sentence highlighted", async () => {
    const answer = await run("card", { query: "memorandum of understanding" });
    expect(answer.status).toBe("ok");
    expect(answer.title).toBe("Card: The JEF rests on an MoU, not a treaty");
    const [body] = answer.excerpts;
    expect(body?.node?.id).toBe("reb-jef-not-treaty");
    expect(body?.highlights).toEqual([
      "First of all, the JEF was established by the memorandum of understanding; thus, it is not a Treaty-bound arrangement. However, as discussed earlier, it is crucial for Ukraine to have legally binding assurances.",
    ]);
    expect(body?.elided).toEqual({ before: true, after: true });
    expect(body?.label).toBe("Tag: The JEF rests on an MoU, not a treaty");
    expect(answer.notes[0]).toMatch(/^Tag: The JEF rests on an MoU, not a treaty — /);
    expectVerbatimAndCited(answer, shippedCore());
  });

  it("offers the card as plain text for a case file", async () => {
    const answer = await run("card", { query: "coal-speed" });
    expect(answer.copyText).toContain(
      "TAG (our words, not the author's): A coalition can be set up quickly",
    );
    expect(answer.copyText).toContain("CITE: Anisova, ELN, 6 Dec 2023, ¶12");
    expect(answer.copyText).toContain("European Leadership Network, 6 December 2023, ¶12");
    expect(answer.copyText).toContain(
      "KEY LINE (verbatim): “Consequently, establishing a coalition will take less time, which is crucial for Ukraine in the final stages of negotiations.”",
    );
  });

  it("points to the author's answers from an objection's card", async () => {
    const answer = await run("card", { query: "obj-arming-alone" });
    expect(answer.followUps).toContainEqual(
      expect.objectContaining({ command: "card", options: { query: "reb-arming-alone" } }),
    );
  });

  it("says so when nothing matches", async () => {
    const answer = await run("card", { query: "zzyzx qwertyuiop" });
    expect(answer.status).toBe("not-found");
    expect(answer.suggestions).toContain("/pillar coalition");
  });

  it('works from the CLI: `card "memorandum of understanding"`', async () => {
    const answer = await cliJson("card", "memorandum of understanding");
    expect(answer.excerpts[0]?.node?.id).toBe("reb-jef-not-treaty");
    expectVerbatimAndCited(answer, shippedCore());
    const text = await cliText("card", "memorandum of understanding");
    expect(text).toContain(
      "— Anisova, ELN, 6 Dec 2023, ¶13 · Coalition of the willing as a transition, not a substitute",
    );
    expect(text).toContain("Plain text to copy");
  });
});
