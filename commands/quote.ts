import { z } from "zod";
import { type Answer, answer, type Excerpt } from "../src/core/answer.js";
import { citeShort } from "../src/core/cite.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import type { MapNode } from "../src/core/corpus/model.js";
import { type QuotableLine, quotableLine } from "../src/core/debate/quote.js";
import { documentRefs, nodeRef, sourceRef } from "../src/core/excerpts.js";
import { shorten } from "../src/core/input.js";
import { readingOption } from "../src/core/option-fields.js";
import { withReading } from "../src/core/readings.js";

export default defineCommand({
  name: "quote",
  description: "The single most quotable sentence on a topic, with its cite: an opening line",
  options: z.object({
    topic: z
      .string()
      .min(1)
      .max(200)
      .describe("What the line should be about, e.g. European Israel")
      .meta({ autocomplete: "topic" }),
    reading: readingOption,
  }),
  examples: ["quote European Israel", "quote NATO membership", "quote JEF"],
  run: (core, { topic, reading }) =>
    withReading(
      core,
      {
        command: "quote",
        reading,
        asked: `a line on “${shorten(topic, 40)}”`,
        retry: `/quote ${topic}`,
        options: { topic },
        // Paragraph scores compare across readings; a reading with no line on it does not count.
        match: (one) =>
          quotableLine(one, topic) ? (one.search.searchParagraphs(topic)[0]?.score ?? 0) : 0,
      },
      (one) => quoteAnswer(one, topic),
    ),
});

function quoteAnswer(core: Core, topic: string): Answer {
  const line = quotableLine(core, topic);
  const shown = shorten(topic, 60);
  if (!line) {
    return answer("quote", `No line on “${shown}”`, {
      status: "not-found",
      notes: [
        "No sentence of the reading mentions that. Try other words, or /search for the passages nearest to it.",
      ],
      suggestions: [
        ...new Set([
          `/search ${shown}`,
          ...core.corpus.nodesOfKind("pillar").map((p) => `/quote ${p.id}`),
        ]),
      ],
    });
  }
  const node = nodeForLine(core, line);
  const excerpt: Excerpt = {
    quote: line.text,
    source: sourceRef(line.source),
    label: "Opening line",
    ...(node ? { node: nodeRef(node) } : {}),
    ...(line.start > 0 || line.end < line.paragraphLength
      ? { elided: { before: line.start > 0, after: line.end < line.paragraphLength } }
      : {}),
  };
  const sources = documentRefs(core, [excerpt]);
  return answer("quote", `Quote: “${shown}”`, {
    notes: [`Our pick for “${shown}”: ${line.reasons.join("; ")}. A whole sentence, verbatim.`],
    excerpts: [excerpt],
    related: node ? [nodeRef(node)] : [],
    followUps: [
      ...(node
        ? [{ label: "Card with its paragraph", command: "card", options: { query: node.id } }]
        : []),
      { label: "More passages", command: "search", options: { query: topic } },
    ],
    sources,
    copyText: `“${line.text}” (${citeShort(excerpt.source, sources)})`,
  });
}

/**
 * The map node that best stands for the line, for a card of its paragraph: the author's own
 * nodes before objections, and a node quoting the whole line before one quoting a fragment.
 */
function nodeForLine(core: Core, line: QuotableLine): MapNode | undefined {
  const rank = (n: MapNode) =>
    (n.kind === "objection" ? 2 : 0) + (n.quotes.some((q) => q.text.includes(line.text)) ? 0 : 1);
  return core.corpus.nodes
    .filter(
      (n) =>
        n.kind !== "context" &&
        n.quotes.some(
          (q) =>
            q.source.paragraph === line.source.paragraph &&
            (line.text.includes(q.text) || q.text.includes(line.text)),
        ),
    )
    .sort((a, b) => rank(a) - rank(b))[0];
}
