import { z } from "zod";
import { type Answer, answer, type Excerpt } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import { documentRefs, nodeExcerpts, nodeRef } from "../src/core/excerpts.js";
import { readingOption } from "../src/core/option-fields.js";
import { NAMED, wholeCore, withReading } from "../src/core/readings.js";

/** The reading this question belongs to, and its objection, named by full key. */
const READING = "anisova-2023-no-need-to-wait";
const OBJECTION = `${READING}/obj-reorient-jef`;

export default defineCommand({
  name: "why-not-jef",
  description: "Why the author proposes a new coalition instead of re-orienting the UK-led JEF",
  options: z.object({ reading: readingOption }),
  examples: ["why-not-jef"],
  run: (core, { reading }) =>
    withReading(
      core,
      {
        command: "why-not-jef",
        reading,
        asked: "the objection about the JEF",
        retry: "/why-not-jef",
        options: {},
        match: (one) => (one.corpus.node(OBJECTION) ? NAMED : 0),
      },
      jefAnswer,
    ),
});

function jefAnswer(core: Core): Answer {
  const objection = core.corpus.node(OBJECTION);
  const rebuttals = objection ? core.corpus.rebuttalsOf(objection.key) : [];
  if (!objection || rebuttals.length === 0) {
    const loaded = wholeCore(core).corpus.node(OBJECTION) !== undefined;
    const title = loaded
      ? "That reading does not discuss the JEF"
      : "The readings do not discuss the JEF";
    return answer("why-not-jef", title, {
      status: "not-found",
      notes: [
        loaded
          ? `This question belongs to the reading ${READING}; the reading chosen does not answer the objection about the Joint Expeditionary Force.`
          : "No reading in the corpus answers the objection about the Joint Expeditionary Force.",
      ],
      suggestions: [...(loaded ? [`/why-not-jef --reading ${READING}`] : []), "/search JEF"],
    });
  }
  // The reasons, then what they lead the author to conclude.
  const conclusions = [
    ...new Set(rebuttals.flatMap((r) => core.corpus.outgoing(r.key, "supports"))),
  ].filter((n) => n !== objection);
  const excerpts: Excerpt[] = [
    ...rebuttals.flatMap((r, i) =>
      nodeExcerpts(r, {
        group: "The reasons the text gives",
        label: `Reason ${i + 1}: ${r.label}`,
      }),
    ),
    ...conclusions.flatMap((c) => nodeExcerpts(c, { group: "What the author concludes" }, 1, core)),
  ];
  return answer("why-not-jef", "Why a new coalition rather than the JEF?", {
    notes: [
      `The objection: ${objection.label}${objection.summary ? ` — ${objection.summary}` : ""}`,
    ],
    excerpts: dedupe(excerpts),
    related: [objection, ...rebuttals, ...conclusions].map(nodeRef),
    followUps: [
      { label: "Counter-arguments", command: "counter", options: { topic: "JEF" } },
      {
        label: "Pillar: coalition",
        command: "pillar",
        options: { name: objection.pillar?.split("/").pop() ?? "coalition" },
      },
      { label: "Show the sources", command: "sources", options: {} },
    ],
    sources: documentRefs(core, excerpts),
  });
}

/** The same sentence can back a reason and the conclusion; show it once. */
function dedupe(excerpts: readonly Excerpt[]): Excerpt[] {
  const seen = new Set<string>();
  return excerpts.filter((e) => {
    const key = `${e.source.documentId}/${e.source.paragraph}/${e.quote}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
