import { z } from "zod";
import { answer, type Excerpt } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import { documentRefs, nodeExcerpts, nodeRef } from "../src/core/excerpts.js";

/** What a student means by the question; the map decides which node answers it. */
const QUESTION = "re-orient the Joint Expeditionary Force JEF instead of a new coalition";

export default defineCommand({
  name: "why-not-jef",
  description: "Why the author proposes a new coalition instead of re-orienting the UK-led JEF",
  options: z.object({}),
  examples: ["why-not-jef"],
  run(core) {
    const objection = core.search.searchNodes(QUESTION, ["objection"])[0]?.node;
    const rebuttals = objection ? core.corpus.rebuttalsOf(objection.key) : [];
    if (!objection || rebuttals.length === 0) {
      return answer("why-not-jef", "The readings do not discuss the JEF", {
        status: "not-found",
        notes: [
          "No reading in the corpus answers the objection about the Joint Expeditionary Force.",
        ],
        suggestions: ["/search JEF"],
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
      ...conclusions.flatMap((c) =>
        nodeExcerpts(c, { group: "What the author concludes" }, 1, core),
      ),
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
  },
});

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
