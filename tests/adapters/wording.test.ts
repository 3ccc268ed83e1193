/**
 * One voice: Discord, Slack and the console render the same answer with the same words for
 * everything that is ours (from src/core/words.ts); only the markup around them differs.
 */
import { describe, expect, it } from "vitest";
import { renderTerminal } from "../../src/adapters/console/render.js";
import { renderAnswer as renderDiscord } from "../../src/adapters/discord/render.js";
import { renderAnswer as renderSlack } from "../../src/adapters/slack/render.js";
import { answer } from "../../src/core/answer.js";
import {
  COPY_TITLE,
  EDITORS_NOTES,
  EDITORS_NOTES_OURS,
  failureAnswer,
  OURS,
  staleControlAnswer,
} from "../../src/core/words.js";
import { SAMPLE_DOC } from "../fixtures/answers.js";

const sample = answer("pillar", "Pillar: coalition", {
  notices: ["No pillar “coaliton” — did you mean coalition? Showing coalition."],
  notes: ["The coalition deters Russia in the interim."],
  excerpts: [
    {
      quote: "The coalition of the willing might ensure an immediate deterrence against Russia.",
      label: "Deterrence now",
      group: "The pillar",
      source: {
        documentId: SAMPLE_DOC.id,
        sectionId: "introduction",
        section: "Introduction",
        sectionEditorial: true,
        paragraph: 2,
        url: SAMPLE_DOC.url,
      },
    },
  ],
  sources: [SAMPLE_DOC],
  copyText: "TAG (our words, not the author's): Deterrence now",
});

/** Everything a platform shows for an answer, as one text. */
const shown = {
  // Wrapped lines joined again: wrapping changes only whitespace.
  console: (a: typeof sample) =>
    renderTerminal(a, { color: false, width: 100 }).replace(/\n\s+/g, " "),
  discord: (a: typeof sample) =>
    JSON.stringify(renderDiscord(a, { ephemeral: false }).messages).replace(/\\\\/g, ""),
  slack: (a: typeof sample) => JSON.stringify(renderSlack(a, { isPublic: false }).messages()),
};

describe.each(Object.entries(shown))("%s", (_, show) => {
  it("marks our label, heading, section name and notes with the same words", () => {
    const text = show(sample);
    for (const words of [OURS.label, OURS.heading, OURS.sectionName, EDITORS_NOTES_OURS])
      expect(text).toContain(words);
    expect(text).toContain(EDITORS_NOTES);
    expect(text).toContain(COPY_TITLE);
    expect(text).toContain("did you mean coalition? Showing coalition.");
  });

  it("says the same when we failed and when a button is stale", () => {
    expect(show(failureAnswer("pillar", "ERR-0000ABCD"))).toContain(
      "Something went wrong on our side while answering. Please try again; if it keeps failing, tell your tutor the reference ERR-0000ABCD.",
    );
    expect(show(staleControlAnswer())).toContain("That button no longer works");
  });
});
