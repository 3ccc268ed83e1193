/**
 * The most quotable sentence on a topic, for an opening line: sentences of the best-matching
 * paragraphs, ranked by how relevant their paragraph is, how many of the topic's words they
 * carry, and how well they stand alone (declarative, moderate length, no dangling "However").
 */
import type { Core } from "../core.js";
import type { Citation } from "../corpus/model.js";
import { normalizeForComparison } from "../corpus/normalize.js";
import { paragraphSource } from "../excerpts.js";
import { matchedWeight } from "../search/passage.js";
import { sentenceTerms } from "../sentences.js";

/** Paragraphs whose sentences are considered. */
const PARAGRAPHS = 6;

export interface QuotableLine {
  /** Verbatim: one whole sentence of the paragraph. */
  readonly text: string;
  readonly source: Citation;
  /** Where the sentence sits in its paragraph. */
  readonly start: number;
  readonly end: number;
  readonly paragraphLength: number;
  readonly score: number;
  /** Ours: why this sentence, in a few words each. */
  readonly reasons: readonly string[];
}

/**
 * Openers that lean on the sentence before (connectives, anaphora): quoted alone they dangle.
 * "While …" and "Rather than …" are fine: they carry their own contrast.
 */
const LEANING_OPENER =
  /^(?:However|Moreover|Furthermore|First of all|First|Second|Third|Finally|Therefore|Thus|Hence|Consequently|Indeed|Also|In this sense|In particular|In addition|Another|This|These|That|Those|It|Such|As a result|Believing)\b/;

/** The best line on `topic`, or undefined when no sentence of the reading mentions it. */
export function quotableLine(core: Core, topic: string): QuotableLine | undefined {
  return rankQuotableLines(core, topic)[0];
}

/** Every candidate sentence mentioning the topic, best first. */
export function rankQuotableLines(core: Core, topic: string): QuotableLine[] {
  const parsed = core.search.explain(topic);
  const hits = core.search.searchParagraphs(parsed).slice(0, PARAGRAPHS);
  const best = hits[0]?.score ?? 0;
  if (best <= 0) return [];
  const query = core.search.weigh(parsed);
  const lines: QuotableLine[] = [];
  for (const hit of hits) {
    const doc = core.corpus.document(hit.documentId);
    if (!doc) continue;
    const pullQuotes = doc.pullQuotes
      .filter((q) => q.source.paragraph === hit.paragraph.number)
      .map((q) => normalizeForComparison(q.text));
    for (const sentence of sentenceTerms(hit.paragraph.text)) {
      // The same scoring a search's passages use, one sentence at a time.
      const matched = matchedWeight([sentence], query);
      if (matched === 0) continue;
      const topicShare = query.total > 0 ? Math.min(1, matched / query.total) : 1;
      const mentioned = sentence.terms.filter((t) => query.terms.has(t)).length;
      const { score: style, reasons } = quotability(
        sentence.text,
        pullQuotes.some(
          (q) =>
            normalizeForComparison(sentence.text).includes(q) ||
            q.includes(normalizeForComparison(sentence.text)),
        ),
      );
      lines.push({
        text: sentence.text,
        source: paragraphSource(core, doc.id, hit.paragraph),
        start: sentence.start,
        end: sentence.end,
        paragraphLength: hit.paragraph.text.length,
        score: 0.7 * (hit.score / best) + 1.8 * topicShare + style,
        reasons: [
          query.terms.size
            ? `mentions ${mentioned} of ${query.terms.size} topic words`
            : "mentions the topic",
          ...reasons,
        ],
      });
    }
  }
  return lines.sort((a, b) => b.score - a.score);
}

/** How well a sentence stands alone as an opening line: about −1.5 (poor) to +1 (good). */
export function quotability(
  sentence: string,
  isPullQuote: boolean,
): { score: number; reasons: string[] } {
  let score = 0;
  const reasons: string[] = [];
  const length = sentence.length;
  if (length >= 60 && length <= 200) {
    // Shorter lines are easier to say and to remember: full marks up to 160 characters.
    score += length <= 160 ? 0.4 : 0.25;
    reasons.push(`${length} characters, short enough to say aloud`);
  } else if (length < 40) score -= 0.6;
  else if (length > 320) score -= 0.6;
  else if (length > 240) score -= 0.3;
  if (LEANING_OPENER.test(sentence)) score -= 0.5;
  else {
    score += 0.15;
    reasons.push("stands alone (no “However”, “This” or “Moreover” pointing back)");
  }
  if (!/^[“"‘]?[\p{Lu}\d]/u.test(sentence)) score -= 0.5;
  if (sentence.trimEnd().endsWith("?")) score -= 0.4;
  else if (/[.!][’”"')]?$/.test(sentence.trimEnd())) score += 0.1;
  if ((sentence.match(/\(/g) ?? []).length > 1) score -= 0.2;
  if (isPullQuote) {
    score += 0.35;
    reasons.push("the publisher chose it as a pull quote");
  }
  return { score, reasons };
}
