/**
 * Decides what each block of a page is: a body paragraph, a section heading, a pull quote or
 * chrome. The same rules serve every format; HTML and Markdown only add hints from their markup.
 */
import { splitSentences } from "../core/sentences.js";
import { matchChrome, words } from "./chrome.js";
import type { Block, Extracted, MetaSources, PageMeta } from "./types.js";

export interface DraftSection {
  readonly heading: string;
  /** True when the page has no heading here and the heading is ours. */
  readonly editorial: boolean;
  readonly paragraphs: string[];
}

export interface DroppedLine {
  readonly text: string;
  readonly reason: string;
}

export interface FoundPullQuote {
  /** 1-based paragraph the pull quote repeats. */
  readonly paragraph: number;
  /** The repeated words, verbatim from the paragraph. */
  readonly text: string;
  /** What the page prints after them (usually the author's name), with its leading space. */
  readonly suffix: string;
  /** The block as the page has it. */
  readonly line: string;
}

export interface Classified {
  readonly sections: readonly DraftSection[];
  readonly pullQuotes: readonly FoundPullQuote[];
  readonly dropped: readonly DroppedLine[];
  readonly meta: PageMeta;
  readonly metaSources: MetaSources;
}

type Role =
  | { kind: "dropped"; reason: string }
  | { kind: "pull-quote"; of: number; text: string; suffix: string }
  | { kind: "heading" }
  | { kind: "paragraph" };

export function classify(extracted: Extracted): Classified {
  const meta: PageMeta = { ...extracted.meta };
  const metaSources: MetaSources = { ...extracted.metaSources };
  const found = (field: keyof PageMeta, value: string | undefined, where: string): void => {
    if (value === undefined || meta[field] !== undefined) return;
    meta[field] = value;
    metaSources[field] = where;
  };

  const blocks = extracted.blocks.filter((b) => b.text.trim() !== "");
  const roles: (Role | undefined)[] = blocks.map(() => undefined);
  const drop = (i: number, reason: string): void => {
    roles[i] = { kind: "dropped", reason };
  };

  // 1. Chrome that a line shows by itself: skip links, credits, share buttons, date lines.
  blocks.forEach((block, i) => {
    if (block.hint === "caption") {
      drop(i, "image caption");
      return;
    }
    const chrome = matchChrome(block.text);
    if (!chrome) return;
    drop(i, chrome.reason);
    found("date", chrome.date, chrome.reason);
    found("genre", chrome.genre, chrome.reason);
    found("author", chrome.author, chrome.reason);
    found("publisher", chrome.publisher, chrome.reason);
  });

  // 2. The title: given by the markup, or the first line before the text that is no sentence.
  if (meta.title === undefined) {
    const first = roles.indexOf(undefined);
    const firstBlock = blocks[first];
    if (firstBlock && !isSentence(firstBlock.text) && firstBlock.hint !== "paragraph")
      found("title", firstBlock.text, "first line of the page");
  }
  blocks.forEach((block, i) => {
    if (roles[i] === undefined && meta.title !== undefined && same(block.text, meta.title))
      drop(i, "title");
  });

  // 3. A line printed twice is kept once.
  const seen = new Set<string>();
  blocks.forEach((block, i) => {
    if (roles[i] !== undefined) return;
    if (seen.has(block.text)) drop(i, "repeated line");
    seen.add(block.text);
  });

  // 4. Pull quotes: sentences that repeat part of a longer block, maybe followed by a name. A
  // block in large type counts too when it reads as a sentence (PDFs set pull quotes that way).
  const candidates = blocks
    .map((block, i) => ({ block, i }))
    .filter(({ block, i }) => roles[i] === undefined && block.hint !== "heading");
  const quotable = blocks
    .map((block, i) => ({ block, i }))
    .filter(
      ({ block, i }) =>
        roles[i] === undefined && (block.hint !== "heading" || isSentence(block.text)),
    );
  for (const { block, i } of quotable) {
    for (const { text, suffix } of pullQuoteReadings(block.text)) {
      const host = candidates.find(
        (other) =>
          other.i !== i &&
          roles[other.i]?.kind !== "pull-quote" &&
          other.block.text.length > text.length &&
          other.block.text.includes(text),
      );
      if (!host) continue;
      roles[i] = { kind: "pull-quote", of: host.i, text, suffix };
      const name = suffix.replace(/^[\s—–-]+/, "").trim();
      if (name) found("author", name, "pull-quote attributions");
      break;
    }
  }

  // 5. What is left is text: headings and paragraphs.
  const open = (): number[] => blocks.map((_, i) => i).filter((i) => roles[i] === undefined);
  const remaining = open();
  remaining.forEach((i, k) => {
    const block = blocks[i] as Block;
    const next = remaining[k + 1];
    const nextIsText = next !== undefined && isParagraph(blocks[next] as Block);
    if (isParagraph(block)) roles[i] = { kind: "paragraph" };
    else if (nextIsText && looksLikeHeading(block)) roles[i] = { kind: "heading" };
    else
      drop(
        i,
        block.hint === "heading" ? "heading with no text under it" : "short line, not a sentence",
      );
  });

  // 6. Sections, with our own headings where the page has none.
  const preface: string[] = [];
  const sections: DraftSection[] = [];
  blocks.forEach((block, i) => {
    const role = roles[i];
    if (role?.kind === "heading")
      sections.push({ heading: block.text, editorial: false, paragraphs: [] });
    else if (role?.kind === "paragraph") (sections.at(-1)?.paragraphs ?? preface).push(block.text);
  });
  const lead: DraftSection[] = [];
  if (preface[0] !== undefined && isSeriesNote(preface[0])) {
    found("series", preface[0], "series note");
    lead.push({ heading: "Series note", editorial: true, paragraphs: [preface.shift() as string] });
  }
  if (preface.length > 0)
    lead.push({ heading: "Introduction", editorial: true, paragraphs: preface });
  const all = [...lead, ...sections].filter((s) => s.paragraphs.length > 0);
  const last = all.at(-1);
  const closing = last?.paragraphs.at(-1);
  if (last && closing !== undefined && isDisclaimer(closing) && last.paragraphs.length > 1) {
    last.paragraphs.pop();
    all.push({ heading: "Disclaimer", editorial: true, paragraphs: [closing] });
  }
  const disclaimer = all.flatMap((s) => s.paragraphs).find(isDisclaimer);
  if (disclaimer) found("publisher", publisherIn(disclaimer), "disclaimer");

  // 7. Pull quotes point at paragraph numbers, known only now.
  const numbers = new Map(all.flatMap((s) => s.paragraphs).map((text, n) => [text, n + 1]));
  const pullQuotes: FoundPullQuote[] = [];
  const dropped: DroppedLine[] = [];
  blocks.forEach((block, i) => {
    const role = roles[i];
    if (role?.kind === "dropped") dropped.push({ text: block.text, reason: role.reason });
    if (role?.kind !== "pull-quote") return;
    const paragraph = numbers.get((blocks[role.of] as Block).text);
    if (paragraph === undefined) dropped.push({ text: block.text, reason: "repeated text" });
    else {
      pullQuotes.push({ paragraph, text: role.text, suffix: role.suffix, line: block.text });
      dropped.push({ text: block.text, reason: `pull quote of ¶${paragraph}` });
    }
  });
  return { sections: all, pullQuotes, dropped, meta, metaSources };
}

/** The ways a block may repeat text: whole, or all but a trailing name ("… post-war. Jane Doe"). */
function pullQuoteReadings(text: string): { text: string; suffix: string }[] {
  const readings = [{ text, suffix: "" }];
  const sentences = splitSentences(text);
  const last = sentences.at(-1);
  if (sentences.length >= 2 && last && isName(last.text.replace(/^[—–-]\s*/, ""))) {
    const head = text.slice(0, last.start).trimEnd();
    readings.push({ text: head, suffix: text.slice(head.length) });
  }
  const dash = /^(.*[.!?]["”’]?)\s*[—–-]\s*(\p{Lu}.*)$/u.exec(text);
  if (dash?.[1] && dash[2] && isName(dash[2]))
    readings.push({ text: dash[1], suffix: text.slice(dash[1].length) });
  return readings;
}

/** Two to five capitalised words and no sentence punctuation: "Kateryna Anisova". */
function isName(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  return (
    parts.length >= 2 &&
    parts.length <= 5 &&
    parts.every((p) => /^(\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|da|di|le|la)$/u.test(p)) &&
    !/[!?]$/.test(text)
  );
}

function isSentence(text: string): boolean {
  return /[.!?…]["”’)]?$/.test(text) && words(text) >= 6;
}

function isParagraph(block: Block): boolean {
  if (block.hint === "heading") return false;
  if (block.hint === "paragraph" || block.hint === "set-apart") return true;
  return isSentence(block.text) || words(block.text) >= 25;
}

function looksLikeHeading(block: Block): boolean {
  if (block.hint === "heading") return true;
  return words(block.text) <= 20 && !/[.,;]$/.test(block.text);
}

function isSeriesNote(text: string): boolean {
  return /\b(is|are) (the \w+ )?(part|one) of (a|an|the|our)\b[^.]*\bseries\b/i.test(text);
}

function isDisclaimer(text: string): boolean {
  return /\b(views?|opinions?)\b[^.]*\b(authors?|writers?)\b[^.]*\bnot (necessarily )?(reflect|represent)/i.test(
    text,
  );
}

/** "… the position of the European Leadership Network or …" → "European Leadership Network". */
function publisherIn(disclaimer: string): string | undefined {
  const match =
    /\b(?:position|views?|policy|policies|opinions?) of (?:the )?(\p{Lu}[\p{L}’'&-]*(?:\s+(?:of |for |and |on |the |& )?\p{Lu}[\p{L}’'&-]*)*)/u.exec(
      disclaimer,
    );
  return match?.[1];
}

function same(a: string, b: string): boolean {
  const fold = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();
  return fold(a) === fold(b);
}
