/**
 * A corpus of two readings for the commands of one reading's map: the shipped reading, and the
 * Kovalenko fixture page ingested with a few map nodes added by hand — a pillar `coalition`, as
 * the shipped reading has, an objection with the same id as the shipped reading's JEF objection,
 * and a pillar `budapest` only this reading has.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Core, createCore } from "../../src/core/core.js";
import { corpusCopy, SHIPPED_CORPUS } from "./corpus.js";
import { FIXTURE_PAGES, ingestInto } from "./ingest.js";

export const SECOND_DOC = FIXTURE_PAGES.text.id;

/** Our nodes for the second reading: every quote is a sentence of its paragraph, verbatim. */
const SECOND_MAP_NODES = `  - id: coalition
    kind: pillar
    label: A coalition of guarantors that pays in advance
    aliases: [coalition of guarantors]
    quotes:
      - p: 3
        text: A guarantee is credible only when the guarantor has already paid part of its cost before any crisis begins, through forces deployed, budgets committed or laws passed.
  - id: trigger
    kind: claim
    label: A guarantee needs a trigger without consensus
    quotes:
      - p: 4
        text: First, it needs a trigger that does not depend on consensus among the guarantors at the moment of attack.
  - id: obj-reorient-jef
    kind: objection
    label: The bilateral agreements are guarantee enough
    quotes:
      - p: 5
        text: Bilateral security agreements signed since 2024 meet the second test better than the first.
  - id: reb-no-automatic
    kind: rebuttal
    label: They stop short of an automatic commitment to fight
    quotes:
      - p: 5
        text: They fund air defence, training and production for ten years, yet they stop short of an automatic commitment to fight.
  - id: budapest
    kind: pillar
    label: The lesson of the Budapest Memorandum
    aliases: [budapest memorandum]
    quotes:
      - p: 2
        text: The memorandum was a political document, not a treaty.
  - id: no-obligation
    kind: claim
    label: No signatory had to act
    quotes:
      - p: 2
        text: None of its signatories ratified it, and none of them accepted an obligation to act if another signatory broke it.
relations:
  - { from: coalition, type: supports, to: thesis }
  - { from: trigger, type: supports, to: coalition }
  - { from: obj-reorient-jef, type: attacks, to: coalition }
  - { from: reb-no-automatic, type: rebuts, to: obj-reorient-jef }
  - { from: budapest, type: supports, to: thesis }
  - { from: no-obligation, type: supports, to: budapest }
`;

/** A fresh corpus folder with both readings; the core over it signs drills with `test-secret`. */
export async function twoReadingsCore(): Promise<Core> {
  const root = corpusCopy([SHIPPED_CORPUS]);
  await ingestInto(root, FIXTURE_PAGES.text.file, SECOND_DOC);
  const map = join(root, SECOND_DOC, "map.yaml");
  const draft = readFileSync(map, "utf8");
  if (!draft.includes("relations: []")) throw new Error("the drafted map.yaml changed shape");
  writeFileSync(map, draft.replace("relations: []\n", SECOND_MAP_NODES));
  return createCore(root, { drillSecret: "test-secret", randomInt: () => 0 });
}

/**
 * The shipped reading beside the Kovalenko page as `npm run ingest` drafts it: a map with a
 * thesis placeholder and draft section nodes, and no pillars, claims or objections yet.
 */
export async function draftReadingCore(): Promise<Core> {
  const root = corpusCopy([SHIPPED_CORPUS]);
  await ingestInto(root, FIXTURE_PAGES.text.file, SECOND_DOC);
  return createCore(root, { drillSecret: "test-secret", randomInt: () => 0 });
}
