import { z } from "zod";
import { type Answer, answer, type Excerpt, type FollowUp } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import type { Core } from "../src/core/core.js";
import type { GlossaryEntry } from "../src/core/corpus/model.js";
import { documentRefs, nodeRef, passageExcerpt } from "../src/core/excerpts.js";
import { glossaryHeading } from "../src/core/glossary.js";
import { shorten } from "../src/core/input.js";
import { paragraphAnswer, paragraphOptions } from "../src/core/paragraph-answer.js";
import { questionIntent, questionTopic } from "../src/core/question-intent.js";
import { roleLabel } from "../src/core/roles.js";
import type { ParsedQuery } from "../src/core/search/query.js";
import type { ParagraphHit } from "../src/core/search/search-index.js";
import { contentTerms } from "../src/core/search/terms.js";
import { counterAnswer } from "./counter.js";

/** Excerpts per page: a chat window shows three short passages without scrolling. */
const PAGE_SIZE = 3;

export default defineCommand({
  name: "search",
  description: "The passages of the reading that best answer a question",
  options: z.object({
    query: z
      .string()
      .min(1)
      .max(300)
      .describe("Your question or keywords, e.g. “Is the JEF legally binding?”")
      .meta({ autocomplete: "topic" }),
    page: z.number().int().min(1).max(50).default(1).describe("Which page of results (3 per page)"),
  }),
  examples: [
    "search Is the JEF legally binding?",
    "search Could cautious countries block the coalition?",
    "search what is PESCO?",
  ],
  run(core, { query, page }) {
    const intent = questionIntent(core, query);
    switch (intent.kind) {
      case "paragraph":
        return paragraphAnswer(core, intent.number);
      case "weaknesses":
        return counterAnswer(core, intent.topic);
      case "definition":
        return passagesAnswer(core, query, page, intent.entry);
      case "passages":
        return passagesAnswer(core, query, page, undefined);
    }
  },
});

function passagesAnswer(
  core: Core,
  query: string,
  page: number,
  defined: GlossaryEntry | undefined,
): Answer {
  const parsed = core.search.explain(defined ? defined.term : query);
  const hits = core.search.searchParagraphs(parsed);
  const shown = `“${shorten(query, 80)}”`;
  if (hits.length === 0 && !defined) {
    const words = contentTerms(query).length;
    return answer("search", `Nothing found for ${shown}`, {
      status: "not-found",
      notices: [
        words === 0
          ? "Your question has no words to search for once question words are left out: add a topic, e.g. “JEF”, “NATO membership” or “joint procurement”."
          : "No passage of the reading matches. Try other words, an acronym from /glossary, or one of the pillars.",
      ],
      suggestions: ["/pillar coalition", "/glossary", "/help"],
    });
  }
  const offset = (page - 1) * PAGE_SIZE;
  if (offset > 0 && offset >= hits.length) {
    return answer("search", `No page ${page} for ${shown}`, {
      status: "invalid-input",
      notices: [`There are ${hits.length} results, ${Math.ceil(hits.length / PAGE_SIZE)} page(s).`],
      suggestions: [`/search ${shorten(query, 80)}`],
    });
  }
  const pageHits = hits.slice(offset, offset + PAGE_SIZE);
  const excerpts = pageHits.map((hit) =>
    passageExcerpt(
      core,
      hit.documentId,
      hit.paragraph,
      hit.passage,
      hit.node ? { label: roleLabel(hit.node), node: nodeRef(hit.node) } : {},
    ),
  );
  const hasMore = offset + PAGE_SIZE < hits.length;
  return answer("search", defined ? glossaryHeading(defined) : `Search: ${shown}`, {
    notices: searchNotices(parsed, hits),
    notes: defined && page === 1 ? [`Glossary: ${defined.definition}`] : [],
    excerpts,
    related: hits.flatMap((h) => (h.node ? [nodeRef(h.node)] : [])).slice(0, 5),
    followUps: [
      ...wholeParagraphs(core, excerpts),
      ...(hasMore
        ? [
            {
              label: "Next results",
              command: "search",
              options: { query: forFollowUp(query), page: page + 1 },
            },
          ]
        : []),
      {
        label: "Counter-arguments",
        command: "counter",
        options: { topic: forFollowUp(defined?.term ?? questionTopic(query) ?? query) },
      },
      { label: "Show the sources", command: "sources", options: {} },
    ],
    page: { offset, size: PAGE_SIZE, total: hits.length },
    sources: documentRefs(core, excerpts, defined ? [defined.documentId] : []),
  });
}

/** Only what changed the search: typos read as known words, and equivalents that were found. */
function searchNotices(
  { corrections, phrases }: ParsedQuery,
  hits: readonly ParagraphHit[],
): string[] {
  const matched = new Set(hits.flatMap((h) => h.matchedTerms));
  const used = phrases.filter((p) => p.terms.every((t) => matched.has(t))).map((p) => p.text);
  return [
    ...(corrections.length
      ? [`Read ${corrections.map((c) => `“${c.from}” as “${c.to}”`).join(", ")}.`]
      : []),
    ...(used.length ? [`Also searched for: ${used.join(", ")}.`] : []),
  ];
}

/** A "Whole ¶n" button for each excerpt that is only part of its paragraph. */
function wholeParagraphs(core: Core, excerpts: readonly Excerpt[]): FollowUp[] {
  return excerpts
    .filter((e) => e.paragraphText !== undefined)
    .map((e) => ({
      label: `Whole ¶${e.source.paragraph}`,
      command: "para",
      options: paragraphOptions(core, e.source.documentId, e.source.paragraph),
    }));
}

/** Follow-ups travel in button ids (Discord allows 100 characters), so long queries are clipped. */
function forFollowUp(query: string): string {
  return shorten(query, 60).replace(/…$/, "");
}
