/**
 * The commands of one reading's map with two readings loaded: the shipped reading, and a second
 * one that also has a pillar `coalition` and an objection with the shipped JEF objection's id
 * (tests/helpers/two-readings.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "../../commands/index.js";
import { autocompleteChoices } from "../../src/adapters/discord/autocomplete.js";
import type { Answer } from "../../src/core/answer.js";
import { citeShort } from "../../src/core/cite.js";
import type { Core } from "../../src/core/core.js";
import { findCommand, runLine } from "../../src/core/dispatch.js";
import { executeCommand } from "../../src/core/execute.js";
import { READING_COMMANDS } from "../../src/core/readings.js";
import { expectVerbatimAndCited } from "../helpers/answers.js";
import { SHIPPED_DOC } from "../helpers/corpus.js";
import { draftReadingCore, SECOND_DOC, twoReadingsCore } from "../helpers/two-readings.js";

let core: Core;
beforeAll(async () => {
  core = await twoReadingsCore();
});

const ask = (line: string) => runLine(core, catalogue, line);

/** What the second reading's cites look like: author, short title, publisher, date, ¶. */
const SECOND_CITE = /^Kovalenko, “Guarantees without garrisons”, BPF, 14 Mar 2024, ¶\d+$/;
const SHIPPED_CITE = /^Anisova, “No need to wait”, ELN, 6 Dec 2023, ¶\d+$/;

/** Every excerpt and source is of `reading`, every cite names it, and a click stays in it. */
function expectFromReadingOnly(answer: Answer, reading: string, line: string): void {
  expect(answer.status, line).toBe("ok");
  expect(
    answer.sources.map((s) => s.id),
    line,
  ).toEqual([reading]);
  const cite = reading === SECOND_DOC ? SECOND_CITE : SHIPPED_CITE;
  for (const excerpt of answer.excerpts) {
    expect(excerpt.source.documentId, line).toBe(reading);
    expect(citeShort(excerpt.source, answer.sources), line).toMatch(cite);
  }
  expectVerbatimAndCited(answer, core);
  for (const followUp of answer.followUps) {
    if (!READING_COMMANDS.includes(followUp.command) || "token" in followUp.options) continue;
    expect(followUp.options.reading, `${line} → ${followUp.label}`).toBe(reading);
  }
}

interface Case {
  readonly command: string;
  /** Asked of both readings: the answer asks which reading. */
  readonly several?: string;
  /** Asked of one reading only, and which one answers. */
  readonly single?: readonly [line: string, reading: string];
  /** Asked with `--reading` of a reading (the second one, where the command has it). */
  readonly chosen: string;
  readonly chosenReading?: string;
}

const CASES: readonly Case[] = [
  {
    command: "pillar",
    several: "/pillar coalition",
    single: ["/pillar budapest", SECOND_DOC],
    chosen: "/pillar coalition",
  },
  {
    command: "claim",
    several: "/claim obj-reorient-jef",
    single: ["/claim coal-speed", SHIPPED_DOC],
    chosen: "/claim obj-reorient-jef",
  },
  {
    command: "counter",
    several: "/counter coalition",
    single: ["/counter NATO membership", SHIPPED_DOC],
    chosen: "/counter coalition",
  },
  {
    command: "card",
    several: "/card obj-reorient-jef",
    single: ["/card coal-speed", SHIPPED_DOC],
    chosen: "/card obj-reorient-jef",
  },
  {
    command: "brief",
    several: "/brief for coalition",
    single: ["/brief for g7", SHIPPED_DOC],
    chosen: "/brief against coalition",
  },
  {
    command: "drill",
    several: "/drill coalition",
    single: ["/drill eu", SHIPPED_DOC],
    chosen: "/drill coalition",
  },
  {
    command: "quote",
    several: "/quote treaty",
    single: ["/quote nuclear arsenal", SECOND_DOC],
    chosen: "/quote treaty",
  },
  {
    command: "map",
    several: "/map coalition",
    single: ["/map budapest", SECOND_DOC],
    chosen: "/map coalition",
  },
  // Every reading has a map to export: without a reading, the answer always asks which.
  { command: "export", several: "/export argdown", chosen: "/export argdown" },
  // The JEF objection is the shipped reading's, named by full key: the second reading's
  // objection with the same id does not make the question ambiguous.
  {
    command: "why-not-jef",
    single: ["/why-not-jef", SHIPPED_DOC],
    chosen: "/why-not-jef",
    chosenReading: SHIPPED_DOC,
  },
  // Without a reading, /para shows the first reading's paragraph and names the others.
  { command: "para", single: ["/para 2", SHIPPED_DOC], chosen: "/para 2" },
];

describe("the commands of one reading's map, with two readings loaded", () => {
  it("covers every command that takes the reading option", () => {
    expect(CASES.map((c) => c.command).sort()).toEqual([...READING_COMMANDS].sort());
  });

  describe.each(CASES)("/$command", ({ chosen, chosenReading = SECOND_DOC }) => {
    it("answers from the reading named, citing it, and its buttons stay in it", async () => {
      const line = `${chosen} --reading ${chosenReading}`;
      expectFromReadingOnly(await ask(line), chosenReading, line);
    });

    it("offers the nearest reading ids for one it does not know", async () => {
      const answer = await ask(`${chosen} --reading kovalenko-2024`);
      expect(answer.status).toBe("not-found");
      expect(answer.title).toBe("No reading “kovalenko-2024”");
      expect(answer.notices?.[0]).toBe(`No reading “kovalenko-2024” — did you mean ${SECOND_DOC}?`);
      expect(answer.notices?.[1]).toMatch(/^The readings are: anisova-2023-no-need-to-wait \(/);
      expect(answer.suggestions).toEqual([`${chosen} --reading ${SECOND_DOC}`]);
    });
  });

  it.each(CASES.flatMap(({ command, single }) => (single ? [{ command, single }] : [])))(
    "/$command answers without a reading when only one reading has what was asked",
    async ({ single: [line, reading] }) => {
      expectFromReadingOnly(await ask(line), reading, line);
    },
  );

  it.each(CASES.flatMap(({ command, several }) => (several ? [{ command, line: several }] : [])))(
    "/$command says which readings have it and how to choose, when several do",
    async ({ line }) => {
      const answer = await ask(line);
      expect(answer.status).toBe("ok");
      expect(answer.title).toMatch(/^Two readings have /);
      expect(answer.excerpts).toEqual([]);
      expect(answer.notices?.join(" ")).toContain(`${SHIPPED_DOC} (Anisova, “No need to wait”`);
      expect(answer.notices?.join(" ")).toContain(`${SECOND_DOC} (Kovalenko, “Guarantees`);
      expect(answer.notices?.join(" ")).toMatch(/reading: on Discord, --reading in Slack/);
      // Offered once, as follow-ups (buttons, "Next:"), not again as suggestions.
      expect(answer.suggestions).toEqual([]);
      // Each button asks again in one reading, and gets that reading's answer.
      expect(answer.followUps.map((f) => f.options.reading)).toEqual([SHIPPED_DOC, SECOND_DOC]);
      for (const followUp of answer.followUps) {
        const command = findCommand(catalogue, followUp.command);
        if (!command) throw new Error(`no /${followUp.command}`);
        const again = await executeCommand(core, command, followUp.options);
        expectFromReadingOnly(again, String(followUp.options.reading), followUp.label);
      }
    },
  );
});

describe("/why-not-jef across readings", () => {
  it("answers from its own reading when another reading has an objection with the same id", async () => {
    const answer = await ask("/why-not-jef");
    expect(answer.notes[0]).toMatch(/^The objection: Re-orient the JEF/);
    expect(answer.excerpts.every((e) => e.source.documentId === SHIPPED_DOC)).toBe(true);
  });

  it("says which reading it belongs to when asked of another", async () => {
    const answer = await ask(`/why-not-jef --reading ${SECOND_DOC}`);
    expect(answer.status).toBe("not-found");
    expect(answer.title).toBe("That reading does not discuss the JEF");
    expect(answer.suggestions).toContain(`/why-not-jef --reading ${SHIPPED_DOC}`);
  });
});

describe("a drill across readings", () => {
  const tokenOf = (answer: Answer) => String(answer.replyRequest?.options.token ?? "");

  it("judges a reply against the reading the round was drawn from, with no reading given", async () => {
    const round = await ask(`/drill coalition --reading ${SECOND_DOC}`);
    expect(round.excerpts[0]?.quote).toContain("Bilateral security agreements signed since 2024");
    const revealed = await ask(
      `/drill --token ${tokenOf(round)} --reply they never commit anyone to fight automatically`,
    );
    expect(revealed.title).toBe("Drill, round 1: the author's answer");
    expect(revealed.excerpts.map((e) => e.source.documentId)).toContain(SECOND_DOC);
    expect(revealed.excerpts.every((e) => e.source.documentId === SECOND_DOC)).toBe(true);
    expect(revealed.excerpts[0]?.quote).toContain("automatic commitment to fight");
    expect(revealed.notes.join(" ")).toMatch(/Hit: .*automatic/);
  });

  it("keeps the shipped reading's rounds in the shipped reading", async () => {
    const round = await ask(`/drill coalition --reading ${SHIPPED_DOC}`);
    const revealed = await ask(`/drill --token ${tokenOf(round)}`);
    expect(revealed.status).toBe("ok");
    expect(revealed.excerpts.every((e) => e.source.documentId === SHIPPED_DOC)).toBe(true);
  });
});

describe("Discord autocomplete of the reading option", () => {
  it("lists every reading's id, and narrows them as the user types", () => {
    expect(autocompleteChoices(core, "reading", "").map((c) => c.value)).toEqual([
      SHIPPED_DOC,
      SECOND_DOC,
    ]);
    expect(autocompleteChoices(core, "reading", "kova")).toEqual([
      {
        name: `${SECOND_DOC} — Kovalenko, “Guarantees without garrisons”`,
        value: SECOND_DOC,
      },
    ]);
  });
});

describe("a reading whose map is still the ingest draft", () => {
  let draft: Core;
  beforeAll(async () => {
    draft = await draftReadingCore();
  });
  const askDraft = (line: string) => runLine(draft, catalogue, `${line} --reading ${SECOND_DOC}`);

  it("says its map has no pillars yet, rather than listing none", async () => {
    for (const line of ["/pillar coalition", "/drill coalition"]) {
      const answer = await askDraft(line);
      expect(answer.status, line).toBe("not-found");
      const words = [...(answer.notices ?? []), ...answer.notes].join(" ");
      expect(words, line).toContain("has no pillars yet");
      expect(words, line).not.toMatch(/are: \./);
    }
  });

  it("never suggests the drill that just found nothing to drill", async () => {
    const answer = await askDraft("/drill");
    expect(answer.title).toBe("No objection to drill");
    expect(answer.notes[0]).toContain("this reading's map has none yet");
    expect(answer.suggestions.filter((s) => /^\/drill(\s+--reading\s+\S+)?$/.test(s))).toEqual([]);
  });

  it("gives its whole map without an example focus it does not have", async () => {
    const answer = await askDraft("/map");
    expect(answer.notes.join(" ")).toContain("focus on a pillar or claim to see them.");
    expect(answer.notes.join(" ")).not.toContain("/map coalition");
  });

  it("lists no empty 'nearest points' when a motion meets nothing in the draft", async () => {
    const answer = await askDraft("/brief --side for --motion garrisons");
    expect(answer.status).toBe("not-found");
    expect(answer.notes.join(" ")).not.toContain("Nearest points in the reading (our labels): .");
  });
});
