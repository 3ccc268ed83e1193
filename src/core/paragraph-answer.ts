/**
 * One paragraph of a reading, whole: what `/para 13`, a "Whole ¶13" button and a free question
 * such as "¶13" or "paragraph 13" answer with.
 */
import { type Answer, answer, type FollowUp } from "./answer.js";
import type { Core } from "./core.js";
import { documentRefs, nodeRef, passageExcerpt } from "./excerpts.js";
import { unknownReadingAnswer } from "./readings.js";
import { roleLabel } from "./roles.js";

/** A paragraph number in a question: "¶13", "§ 13", "para 13", "paragraph 13", "p. 13". */
const PARAGRAPH_REFERENCE =
  /^\s*(?:show\s+(?:me\s+)?|what\s+does\s+|read\s+)?(?:the\s+)?(?:¶|§|para(?:graph)?\.?|p\.)\s*(\d{1,5})\s*(?:say|says)?\s*\??\s*$/i;

/** The paragraph number a question asks for, if it is only a paragraph reference. */
export function paragraphReference(query: string): number | undefined {
  const match = PARAGRAPH_REFERENCE.exec(query);
  return match ? Number(match[1]) : undefined;
}

/** The whole paragraph `number` of a reading (the first reading when none is named). */
export function paragraphAnswer(core: Core, number: number, documentId?: string): Answer {
  const { documents } = core.corpus;
  const doc = documentId ? core.corpus.document(documentId.trim()) : documents[0];
  if (!doc) return unknownReadingAnswer("para", documentId ?? "", `/para ${number}`, documents);
  const paragraph = doc.paragraphs.find((p) => p.number === number);
  if (!paragraph) {
    const count = doc.paragraphs.length;
    return answer("para", `No paragraph ${number}`, {
      status: "not-found",
      notices: [
        `The reading has paragraphs ¶1 to ¶${count} (¶1 is the series note). Citations give the number, e.g. “¶13”.`,
      ],
      suggestions: count ? [`/para ${Math.min(Math.max(1, number), count)}`] : [],
    });
  }
  const excerpt = passageExcerpt(core, doc.id, paragraph, {
    start: 0,
    end: paragraph.text.length,
  });
  const quoting = core.corpus.nodes.filter(
    (n) =>
      n.documentId === doc.id &&
      n.kind !== "context" &&
      n.quotes.some((q) => q.source.paragraph === number),
  );
  const step = (to: number, label: string): FollowUp[] =>
    doc.paragraphs.some((p) => p.number === to)
      ? [{ label, command: "para", options: paragraphOptions(core, doc.id, to) }]
      : [];
  const others = documentId ? [] : documents.slice(1);
  return answer("para", `¶${number} — ${excerpt.source.section}`, {
    notices: others.length
      ? [
          `This is ¶${number} of ${doc.authorShort}’s “${doc.title}”; other readings: ${others.map((d) => `/para ${number} --reading ${d.id}`).join(", ")}.`,
        ]
      : [],
    notes: quoting.length
      ? [`Points of the map that quote it: ${quoting.map(roleLabel).join("; ")}.`]
      : [],
    excerpts: [excerpt],
    related: quoting.map(nodeRef),
    followUps: [...step(number - 1, `¶${number - 1}`), ...step(number + 1, `¶${number + 1}`)],
    sources: documentRefs(core, [excerpt]),
  });
}

/** A `/para` follow-up's options: the reading is named only when there are several. */
export function paragraphOptions(
  core: Core,
  documentId: string,
  number: number,
): Record<string, string | number> {
  return core.corpus.documents.length > 1 ? { number, reading: documentId } : { number };
}
