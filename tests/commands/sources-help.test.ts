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
