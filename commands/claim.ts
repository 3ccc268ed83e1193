import { z } from "zod";
import { type Answer, answer, type Excerpt } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import type { MapNode } from "../src/core/corpus/model.js";
import { documentRefs, nodeExcerpts, nodeRef } from "../src/core/excerpts.js";
import { firstOf } from "../src/core/first-of.js";
import { shorten } from "../src/core/input.js";
import { claimQuery, readingOption } from "../src/core/option-fields.js";
import { withReading } from "../src/core/readings.js";
import { ARGUMENT_KINDS, nodeMatch, resolveNode } from "../src/core/resolve.js";
import { idsFor } from "../src/core/words.js";

export default defineCommand({
  name: "claim",
  description: "One claim with what supports it, what attacks it, and the author's answers",
  options: z.object({ query: claimQuery, reading: readingOption }),
  examples: ["claim coal-speed", "claim a coalition can be set up quickly", "claim PESCO"],
  run: (core, { query, reading }) =>
    withReading(
      core,
      {
        command: "claim",
        reading,
        asked: `a claim matching “${shorten(query, 40)}”`,
        retry: `/claim ${query}`,
        options: { query },
        match: (one) => nodeMatch(one, query, ARGUMENT_KINDS),
      },
      (one) => claimAnswer(one, query),
    ),
});

function claimAnswer(core: Core, query: string): Answer {
  const node = resolveNode(core, query, ARGUMENT_KINDS);
  if (!node) {
    return answer("claim", `No claim matches “${shorten(query, 60)}”`, {
      status: "not-found",
      notes: ["Try a claim id from /pillar, or other words from the claim."],
      suggestions: core.corpus.nodesOfKind("pillar").map((p) => `/pillar ${p.id}`),
    });
  }
  // A chat answer stays readable: the map's first supporters and challengers, and counts.
  const supported = firstOf(
    core.corpus.supportersOf(node.key),
    MAX_SUPPORTERS,
    "supporting points",
    `/map ${node.id} draws them all`,
  );
  const challenged = firstOf(
    core.corpus.attackersOf(node.key),
    MAX_ATTACKERS,
    "challenges",
    `/counter ${node.id} lists them`,
  );
  const supporters = supported.shown;
  const attackers = challenged.shown;
  const notes: string[] = [
    `${kindName(node)} (id ${node.id})${node.summary ? `: ${node.summary}` : ""}`,
    ...supported.notes,
    ...challenged.notes,
  ];
  const excerpts: Excerpt[] = [...nodeExcerpts(node, { group: kindName(node) })];
  excerpts.push(...supporters.flatMap((s) => nodeExcerpts(s, { group: "Supported by" }, 1, core)));
  for (const attacker of attackers) {
    const answers = core.corpus.rebuttalsOf(attacker.key);
    notes.push(
      `Challenged by: ${attacker.label}${attacker.summary ? ` — ${attacker.summary}` : ""}${answers.length ? "" : " (the text leaves this unanswered)"}`,
    );
    excerpts.push(
      ...nodeExcerpts(attacker, { group: `Challenged by: ${attacker.label}` }, 1, core),
    );
    excerpts.push(
      ...answers.flatMap((r) =>
        nodeExcerpts(r, { group: `The author's answer to: ${attacker.label}` }, 1, core),
      ),
    );
  }
  if (node.kind === "objection") {
    excerpts.push(
      ...core.corpus
        .rebuttalsOf(node.key)
        .slice(0, MAX_SUPPORTERS)
        .flatMap((r) => nodeExcerpts(r, { group: "The author's answers" }, 1, core)),
    );
  }
  const targets = core.corpus.outgoing(node.key, "supports", "attacks", "undercuts", "rebuts");
  return answer("claim", `${kindName(node)}: ${node.label}`, {
    notices: idsFor("claim", [...supporters, ...attackers]),
    notes,
    excerpts,
    related: [...targets, ...supporters, ...attackers].map(nodeRef),
    followUps: [
      ...targets.slice(0, 2).map((t) => ({
        label: `Up: ${shorten(t.label, 60)}`,
        command: "claim",
        options: { query: t.id },
      })),
      { label: "Counter-arguments", command: "counter", options: { topic: node.id } },
      { label: "Show the sources", command: "sources", options: {} },
    ],
    sources: documentRefs(core, excerpts, [node.documentId]),
  });
}

const MAX_SUPPORTERS = 8;
const MAX_ATTACKERS = 6;

function kindName(node: MapNode): string {
  return node.kind.charAt(0).toUpperCase() + node.kind.slice(1);
}
