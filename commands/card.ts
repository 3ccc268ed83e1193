import { z } from "zod";
import { type Answer, answer } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import {
  buildCard,
  CARD_KINDS,
  cardCopyText,
  cardExcerpts,
  findCardNode,
} from "../src/core/debate/card.js";
import { nodeRef } from "../src/core/excerpts.js";
import { shorten } from "../src/core/input.js";
import { claimQuery, readingOption } from "../src/core/option-fields.js";
import { withReading } from "../src/core/readings.js";
import { nodeMatch } from "../src/core/resolve.js";

export default defineCommand({
  name: "card",
  description:
    "A debate evidence card: our tag, the cite, and the verbatim paragraph with the key line",
  options: z.object({ query: claimQuery, reading: readingOption }),
  examples: ["card memorandum of understanding", "card coal-speed", "card European Israel"],
  run: (core, { query, reading }) =>
    withReading(
      core,
      {
        command: "card",
        reading,
        asked: `a card for “${shorten(query, 40)}”`,
        retry: `/card ${query}`,
        options: { query },
        match: (one) => (findCardNode(one, query) ? nodeMatch(one, query, CARD_KINDS) : 0),
      },
      (one) => cardAnswer(one, query),
    ),
});

function cardAnswer(core: Core, query: string): Answer {
  const node = findCardNode(core, query);
  const card = node && buildCard(core, node);
  if (!node || !card) {
    return answer("card", `No card for “${shorten(query, 60)}”`, {
      status: "not-found",
      notes: [
        "Nothing in the reading matches that closely enough to quote. Try a claim id from /pillar, or other words from the claim.",
      ],
      suggestions: core.corpus.nodesOfKind("pillar").map((p) => `/pillar ${p.id}`),
    });
  }
  const excerpts = cardExcerpts(card, { label: `Tag: ${card.tag}` });
  const paragraphs = [...new Set(card.bodies.map((b) => `¶${b.excerpt.source.paragraph}`))].join(
    " and ",
  );
  const answers = core.corpus.rebuttalsOf(node.key);
  // Some objections are only paraphrased by the editors: they have no card to offer.
  const attackers = core.corpus.attackersOf(node.key).filter((a) => a.quotes.length > 0);
  return answer("card", `Card: ${card.tag}`, {
    notes: [
      `Tag: ${card.tag}${card.gist ? ` — ${card.gist}` : ""}`,
      `Highlighted: the words the argument map ties to this ${node.kind} (${paragraphs}); the card text is cut only between sentences, and “…” marks a cut.`,
    ],
    excerpts,
    related: [...answers, ...attackers].map(nodeRef),
    followUps: [
      { label: "The claim in context", command: "claim", options: { query: node.id } },
      ...answers.slice(0, 2).map((r) => ({
        label: `Card: the author's answer (${shorten(r.label, 40)})`,
        command: "card",
        options: { query: r.id },
      })),
      ...attackers.slice(0, 2).map((a) => ({
        label: `Card: the objection (${shorten(a.label, 40)})`,
        command: "card",
        options: { query: a.id },
      })),
    ],
    sources: [card.document],
    copyText: cardCopyText(card),
  });
}
