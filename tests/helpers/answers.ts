/** Assertions every answer must pass, whatever the command: the fidelity contract. */
import { expect } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import type { Core } from "../../src/core/core.js";

/** Every excerpt is an exact substring of the paragraph it cites, with a complete citation. */
export function expectVerbatimAndCited(answer: Answer, core: Core): void {
  for (const excerpt of answer.excerpts) {
    const doc = core.corpus.document(excerpt.source.documentId);
    expect(doc, `unknown document ${excerpt.source.documentId}`).toBeDefined();
    const paragraph = doc?.paragraphs[excerpt.source.paragraph - 1];
    expect(
      paragraph?.text.includes(excerpt.quote),
      `not verbatim in ¶${excerpt.source.paragraph}: ${excerpt.quote}`,
    ).toBe(true);
    expect(excerpt.source.sectionId).toBe(paragraph?.sectionId);
    expect(excerpt.source.url).toBe(doc?.url);
    for (const highlight of excerpt.highlights ?? [])
      expect(excerpt.quote.includes(highlight)).toBe(true);
    expect(answer.sources.map((s) => s.id)).toContain(excerpt.source.documentId);
  }
}
