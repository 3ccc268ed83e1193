import { z } from "zod";
import { answer } from "../src/core/answer.js";
import { defineCommand } from "../src/core/command.js";
import { documentRefs, nodeRef, paragraphExcerpt } from "../src/core/excerpts.js";
import { shorten } from "../src/core/input.js";
import { contentTerms } from "../src/core/search/terms.js";

/** Excerpts per page: whole paragraphs are long, and chat windows are narrow. */
export const PAGE_SIZE = 3;

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
    "search European Israel",
    "search PESCO third states",
  ],
  run(core, { query, page }) {
    const hits = core.search.searchParagraphs(query);
    const shown = `“${shorten(query, 80)}”`;
    if (hits.length === 0) {
      const words = contentTerms(query).length;
      return answer("search", `Nothing found for ${shown}`, {
        status: "not-found",
        notes: [
          words === 0
            ? "Your question has no words to search for once question words are left out: add a topic, e.g. “JEF”, “NATO membership” or “joint procurement”."
            : "No passage of the reading matches. Try other words, an acronym from /glossary, or one of the pillars.",
        ],
        suggestions: ["/pillar coalition", "/glossary", "/help"],
      });
    }
    const offset = (page - 1) * PAGE_SIZE;
    if (offset >= hits.length) {
      return answer("search", `No page ${page} for ${shown}`, {
        status: "invalid-input",
        notes: [`There are ${hits.length} results, ${Math.ceil(hits.length / PAGE_SIZE)} page(s).`],
        suggestions: [`/search ${shorten(query, 80)}`],
      });
    }
    const explained = core.search.explain(query);
    const excerpts = hits
      .slice(offset, offset + PAGE_SIZE)
      .map((hit) =>
        paragraphExcerpt(
          core,
          hit.documentId,
          hit.paragraph,
          explained,
          hit.node ? { label: hit.node.label, node: nodeRef(hit.node) } : {},
        ),
      );
    const hasMore = offset + PAGE_SIZE < hits.length;
    return answer("search", `Search: ${shown}`, {
      notes: explained.expansions.length
        ? [`Also searched for: ${explained.expansions.join(", ")}.`]
        : [],
      excerpts,
      related: hits.flatMap((h) => (h.node ? [nodeRef(h.node)] : [])).slice(0, 5),
      followUps: [
        ...(hasMore
          ? [
              {
                label: "Next results",
                command: "search",
                options: { query: forFollowUp(query), page: page + 1 },
              },
            ]
          : []),
        { label: "Counter-arguments", command: "counter", options: { topic: forFollowUp(query) } },
        { label: "Show the sources", command: "sources", options: {} },
      ],
      page: { offset, size: PAGE_SIZE, total: hits.length },
      sources: documentRefs(core, excerpts),
    });
  },
});

/** Follow-ups travel in button ids (Discord allows 100 characters), so long queries are clipped. */
function forFollowUp(query: string): string {
  return shorten(query, 60).replace(/…$/, "");
}
