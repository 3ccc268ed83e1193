import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MapNode } from "../../../src/core/corpus/model.js";
import {
  buildCard,
  CARD_KINDS,
  cardCopyText,
  cutAtSentences,
  findCardNode,
  groupRanges,
} from "../../../src/core/debate/card.js";
import { splitSentences } from "../../../src/core/sentences.js";
import { SHIPPED_DOC, shippedCore } from "../../helpers/corpus.js";

const core = shippedCore();
const node = (id: string) => core.corpus.node(id) as MapNode;
const paragraph = (n: number) => core.corpus.paragraph(SHIPPED_DOC, n)?.text ?? "";

describe("cutAtSentences", () => {
  const text = "One short sentence. Two is here. Three comes next. Four ends it.";
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });

  it("keeps a paragraph that fits whole", () => {
    expect(cutAtSentences(text, [at("Three")])).toEqual({
      text,
      start: 0,
      end: text.length,
      elided: { before: false, after: false },
    });
  });

  it("cuts only between sentences, around the highlighted one, and says where it cut", () => {
    expect(cutAtSentences(text, [at("Three")], { maxChars: 0, context: 0 })).toMatchObject({
      text: "Three comes next.",
      elided: { before: true, after: true },
    });
    expect(cutAtSentences(text, [at("Two is")], { maxChars: 40, context: 1 })).toMatchObject({
      text: "One short sentence. Two is here.",
      elided: { before: false, after: true },
    });
  });

  it("keeps every highlighted sentence even beyond the length limit", () => {
    const cut = cutAtSentences(text, [at("One"), at("Four")], { maxChars: 10, context: 0 });
    expect(cut?.text).toBe(text);
  });

  it("always returns whole sentences covering the ranges (property)", () => {
    const sentence = fc
      .array(fc.constantFrom("alpha", "beta", "gamma", "delta", "x"), {
        minLength: 1,
        maxLength: 8,
      })
      .map((words) => `${words.join(" ").replace(/^./, (c) => c.toUpperCase())}.`);
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.nat(),
        fc.nat({ max: 200 }),
        fc.nat({ max: 3 }),
        (sentences, a, b, maxChars, context) => {
          const para = sentences.join(" ");
          // Quotes never start or end with a space: trim the range as the map's quotes are.
          let from = a % para.length;
          let to = from + 1 + (b % (para.length - from));
          while (from < to && para[from] === " ") from++;
          while (to > from && para[to - 1] === " ") to--;
          fc.pre(from < to);
          const cut = cutAtSentences(para, [{ start: from, end: to }], { maxChars, context });
          expect(cut).toBeDefined();
          if (!cut) return;
          expect(para.slice(cut.start, cut.end)).toBe(cut.text);
          expect(cut.start).toBeLessThanOrEqual(from);
          expect(cut.end).toBeGreaterThanOrEqual(to);
          const spans = splitSentences(para);
          expect(spans.some((s) => s.start === cut.start)).toBe(true);
          expect(spans.some((s) => s.end === cut.end)).toBe(true);
          expect(cut.elided).toEqual({ before: cut.start > 0, after: cut.end < para.length });
        },
      ),
    );
  });
});

describe("buildCard", () => {
  const quoting = core.corpus.nodes.filter(
    (n) => CARD_KINDS.includes(n.kind) && n.quotes.length > 0,
  );

  it("is verbatim for every node of the map: body in its paragraph, highlights in the body", () => {
    expect(quoting.length).toBeGreaterThan(50);
    for (const n of quoting) {
      const card = buildCard(core, n);
      expect(card, n.id).toBeDefined();
      for (const body of card?.bodies ?? []) {
        const { quote, source, highlights, elided } = body.excerpt;
        const text = paragraph(source.paragraph);
        const start = text.indexOf(quote);
        expect(start, `${n.id}: body not verbatim in ¶${source.paragraph}`).toBeGreaterThanOrEqual(
          0,
        );
        expect(elided?.before ?? false).toBe(start > 0);
        expect(elided?.after ?? false).toBe(start + quote.length < text.length);
        expect(highlights?.length).toBeGreaterThan(0);
        for (const h of highlights ?? []) expect(quote.includes(h), `${n.id}: ${h}`).toBe(true);
      }
      // Every quote of the node is highlighted somewhere on its card.
      const highlighted = card?.bodies.flatMap((b) => b.excerpt.highlights ?? []) ?? [];
      for (const q of n.quotes) expect(highlighted).toContain(q.text);
    }
  });

  it("highlights the node's own sentence and cites it in the short standard form", () => {
    const card = buildCard(core, node("coal-speed"));
    const body = card?.bodies[0];
    expect(card?.bodies).toHaveLength(1);
    expect(body?.excerpt.highlights).toEqual([
      "Consequently, establishing a coalition will take less time, which is crucial for Ukraine in the final stages of negotiations.",
    ]);
    expect(body?.cite.short).toBe("Anisova, ELN, 6 Dec 2023, ¶12");
    expect(body?.cite.full).toBe(
      "Kateryna Anisova, “No need to wait: Capability building and collective defence as security guarantees for Ukraine”, European Leadership Network, 6 December 2023, ¶12, section “Coalition of the willing as a transition, not a substitute”. https://www.europeanleadershipnetwork.org/commentary/no-need-to-wait-capability-building-and-collective-defence-as-security-guarantees-for-ukraine/",
    );
    expect(card?.tag).toBe(node("coal-speed").label);
  });

  it("gives far-apart key lines of one paragraph separate bodies instead of a wall of text", () => {
    const separate = node("coal-new-separate");
    expect(buildCard(core, separate)?.bodies).toHaveLength(2);
    expect(buildCard(core, separate, { maxChars: 5000 })?.bodies).toHaveLength(1);
    const para = paragraph(13);
    const ranges = separate.quotes.map((q) => ({
      start: para.indexOf(q.text),
      end: para.indexOf(q.text) + q.text.length,
    }));
    expect(groupRanges(para, ranges, 0)).toHaveLength(2);
  });

  it("has no card for a node the editors only paraphrase", () => {
    expect(node("obj-wait-for-nato").quotes).toHaveLength(0);
    expect(buildCard(core, node("obj-wait-for-nato"))).toBeUndefined();
  });
});

describe("findCardNode", () => {
  it.each([
    ["memorandum of understanding", "reb-jef-not-treaty"],
    ["coal-speed", "coal-speed"],
    ["A coalition can be set up quickly", "coal-speed"],
    ["European Israel", "obj-arming-alone"],
  ])("finds %s → %s", (query, id) => {
    expect(findCardNode(core, query)?.id).toBe(id);
  });

  it("falls back to a node with quotes when the named one has none", () => {
    const found = findCardNode(core, "obj-wait-for-nato");
    expect(found?.quotes.length).toBeGreaterThan(0);
  });
});

describe("cardCopyText", () => {
  it("marks the tag as ours and carries both cites, the verbatim body and the key line", () => {
    const card = buildCard(core, node("reb-jef-not-treaty"));
    if (!card) throw new Error("no card");
    const text = cardCopyText(card);
    const body = card.bodies[0]?.excerpt;
    expect(text).toContain(`TAG (our words, not the author's): ${card.tag}`);
    expect(text).toContain("CITE: Anisova, ELN, 6 Dec 2023, ¶13");
    expect(text).toContain(`FULL CITE: ${card.bodies[0]?.cite.full}`);
    expect(text).toContain(`“… ${body?.quote} …”`);
    expect(text).toContain(
      "KEY LINE (verbatim): “First of all, the JEF was established by the memorandum of understanding;",
    );
  });
});
