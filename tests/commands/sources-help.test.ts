import { describe, expect, it } from "vitest";
import { run } from "../helpers/run.js";

describe("/sources", () => {
  it("gives a formatted citation with the link and the licence", async () => {
    const answer = await run("sources");
    expect(answer.notes[0]).toBe(
      "Kateryna Anisova, “No need to wait: Capability building and collective defence as security guarantees for Ukraine”, European Leadership Network, 6 December 2023. https://www.europeanleadershipnetwork.org/commentary/no-need-to-wait-capability-building-and-collective-defence-as-security-guarantees-for-ukraine/",
    );
    expect(answer.notes.some((n) => n.startsWith("Licence:"))).toBe(true);
  });

  it("cites the reading in APA, Chicago, MLA and BibTeX, formatted by Citation.js", async () => {
    const answer = await run("sources");
    const url =
      "https://www.europeanleadershipnetwork.org/commentary/no-need-to-wait-capability-building-and-collective-defence-as-security-guarantees-for-ukraine/";
    expect(answer.notes).toEqual(
      expect.arrayContaining([
        `APA: Anisova, K. (2023, December 6). No need to wait: Capability building and collective defence as security guarantees for Ukraine [Commentary]. European Leadership Network. ${url}`,
        `Chicago: Anisova, Kateryna. 2023. “No Need to Wait: Capability Building and Collective Defence as Security Guarantees for Ukraine.” Commentary. European Leadership Network. December 6, 2023. ${url}.`,
        `MLA: Anisova, Kateryna. “No Need to Wait: Capability Building and Collective Defence as Security Guarantees for Ukraine.” European Leadership Network, 6 Dec. 2023, ${url}.`,
        expect.stringMatching(
          /^BibTeX: @misc\{Anisova2023No, author = \{Anisova, Kateryna\}, year = \{2023\}, month = \{dec 6\}, publisher = \{European Leadership Network\},/,
        ),
      ]),
    );
  });
});

describe("/help", () => {
  it("lists every command with an example", async () => {
    const answer = await run("help");
    for (const name of [
      "pillar",
      "why-not-jef",
      "search",
      "claim",
      "counter",
      "glossary",
      "sources",
    ]) {
      expect((answer.notices ?? []).some((n) => n.startsWith(`/${name} — `))).toBe(true);
    }
  });

  it("explains one command's options", async () => {
    const answer = await run("help", { command: "search" });
    expect(answer.notices ?? []).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^query: /),
        expect.stringMatching(/^page \(optional\): /),
      ]),
    );
  });

  it("suggests a command for a typo", async () => {
    expect((await run("help", { command: "serch" })).suggestions).toContain("/search");
  });
});
