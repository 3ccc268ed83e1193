/**
 * An Answer as Slack Block Kit messages. Everything we wrote is marked as ours; every quote is a
 * quoted section with its citation; all source and user text is escaped, so nothing can become
 * `<!channel>`, a mention or a link. Slack's limits are enforced by splitting quotes at word
 * boundaries (with visible continuation marks) and paginating into several messages; whatever
 * still does not fit is named in a visible notice, never cut silently.
 *
 * An answer's plain-text copy (`copyText`) is shown in preformatted blocks when it is short
 * enough; a longer one goes as a `.txt` file ({@link copyTextFile}, uploaded by deliver.ts).
 */
import type { Answer, Attachment, DocumentRef, Excerpt } from "../../core/answer.js";
import { formatCommandLine } from "../../core/arguments.js";
import { citeShort, longDate } from "../../core/cite.js";
import { shorten } from "../../core/input.js";
import { encodeFollowUp, encodeReplyRequest } from "./state.js";

/** Slack's documented limits, and our own conservative budget for one message. */
export const SLACK_LIMITS = {
  sectionText: 3000,
  /** Slack allows 3000 per text object; context lines are meant to be short. */
  contextText: 2000,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  blocks: 50,
  /** Ours: characters of text and button values in one message, well under what Slack accepts. */
  messageChars: 12_000,
  /** Ours: the notification fallback; Slack truncates `text` far beyond this. */
  fallbackText: 3000,
  /** Ours: a response_url takes 5 posts; one is left for a later notice. */
  pages: 4,
} as const;

export interface PlainText {
  readonly type: "plain_text";
  readonly text: string;
  readonly emoji?: boolean;
}
export interface Mrkdwn {
  readonly type: "mrkdwn";
  readonly text: string;
}
export interface HeaderBlock {
  readonly type: "header";
  readonly text: PlainText;
}
export interface SectionBlock {
  readonly type: "section";
  readonly text: Mrkdwn;
}
export interface ContextBlock {
  readonly type: "context";
  readonly elements: readonly Mrkdwn[];
}
export interface ButtonElement {
  readonly type: "button";
  readonly text: PlainText;
  readonly action_id: string;
  readonly value: string;
  readonly style?: "primary";
}
export interface ActionsBlock {
  readonly type: "actions";
  readonly elements: readonly ButtonElement[];
}
export type Block = HeaderBlock | SectionBlock | ContextBlock | ActionsBlock;

/** One Slack message: blocks plus the plain-text fallback Slack shows in notifications. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly Block[];
}

export interface RenderOptions {
  /** Whether the answer is posted to the channel; buttons carry it so follow-ups match. */
  readonly isPublic: boolean;
  /** Ours: one line per attachment saying where the file went (or why it did not). */
  readonly attachmentNotes?: readonly string[];
}

/** Action ids of the buttons the renderer makes; the interaction handlers match these. */
export const FOLLOW_UP_ACTION = /^follow-up:\d+$/;
export const REPLY_ACTION = "reply:open";

/** Escapes the three characters Slack treats as markup, in any text we did not build. */
export function escapeSlack(text: string): string {
  // Most text has none of the three: return it as it is rather than copying it three times.
  if (!MARKUP.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const MARKUP = /[&<>]/;

/** Heads the plain-text copy of an answer, in the reply or as its file's description. */
export const COPY_TITLE = "Plain text to copy — our tag and cite, verbatim card text";
/** A copy text needing more preformatted blocks than this goes as a file instead. */
export const COPY_INLINE_BLOCKS = 2;

/** Renders an answer as one or more messages, each within Slack's limits. */
export function renderAnswer(answer: Answer, options: RenderOptions): SlackMessage[] {
  const copy = copyShownInline(answer, options.isPublic) ? copyUnits(answer.copyText ?? "") : [];
  const { head, body } = contentUnits(answer);
  const footer = [...copy, ...footerUnits(answer, options)];
  let pages = paginate([...head, ...body, ...footer]);
  // Too long even for several messages: keep what fits and say what was left out.
  for (let keep = body.length - 1; pages.length > SLACK_LIMITS.pages && keep >= 0; keep--) {
    // Cut only between passages, so no part of a quote is shown without its citation.
    if (body[keep]?.excerpt && body[keep]?.excerpt?.piece !== 0) continue;
    if (body[keep - 1]?.keepWithNext && !body[keep - 1]?.excerpt) continue;
    pages = paginate([
      ...head,
      ...body.slice(0, keep),
      omissionNotice(body, keep, answer.excerpts.length),
      ...footer,
    ]);
  }
  return pages.map((blocks, index) => ({
    blocks: index === 0 ? blocks : [continuationMark(index, pages.length), ...blocks],
    text:
      index === 0
        ? fallbackText(answer)
        : `${fitEscaped(answer.title, 200)} (continued, part ${index + 1} of ${pages.length})`,
  }));
}

/**
 * The copy text as a file, when it is too long to show in the reply: more than
 * {@link COPY_INLINE_BLOCKS} blocks, or enough to push quotes out of it. Undefined otherwise.
 */
export function copyTextFile(answer: Answer, isPublic: boolean): Attachment | undefined {
  const text = answer.copyText;
  if (text === undefined || text.trim() === "" || copyShownInline(answer, isPublic))
    return undefined;
  return {
    filename: `${answer.command}.txt`,
    contentType: "text/plain; charset=utf-8",
    data: new TextEncoder().encode(text),
    description: COPY_TITLE,
  };
}

/** Whether the copy text fits in a few blocks without costing the reply any of its quotes. */
function copyShownInline(answer: Answer, isPublic: boolean): boolean {
  const text = answer.copyText;
  if (text === undefined || text.trim() === "") return false;
  const copy = copyUnits(text);
  if (copy.length > COPY_INLINE_BLOCKS) return false;
  const { head, body } = contentUnits(answer);
  const units = [...head, ...body, ...copy, ...footerUnits(answer, { isPublic })];
  return paginate(units).length <= SLACK_LIMITS.pages;
}

/**
 * The header and body units of an answer. Delivering one answer asks for them up to three times
 * (is the copy inline? for the file decision, again for the reply, then the reply itself); they
 * depend on the answer alone, so they are built once per answer object.
 */
function contentUnits(answer: Answer): { readonly head: Unit[]; readonly body: Unit[] } {
  let units = CONTENT_UNITS.get(answer);
  if (!units) {
    units = { head: headUnits(answer), body: [...noteUnits(answer), ...excerptUnits(answer)] };
    CONTENT_UNITS.set(answer, units);
  }
  return units;
}

const CONTENT_UNITS = new WeakMap<Answer, { readonly head: Unit[]; readonly body: Unit[] }>();

const CODE_FENCE = "```";

/**
 * Text for a preformatted block: escaped like all text, and with an invisible space between any
 * two backticks so no run of them can close the block early.
 */
export function fenceSafe(text: string): string {
  return escapeSlack(text).replace(/`(?=`)/g, "`\u200b");
}

/** The copy text as preformatted sections, split to fit Slack's section limit. */
function copyUnits(text: string): Unit[] {
  const heading = `*${COPY_TITLE}*`;
  const continued = `*${COPY_TITLE}* _(continued)_`;
  const more = "\n_(continues in the next block)_";
  const frame = `\n${CODE_FENCE}\n\n${CODE_FENCE}`.length;
  const budget = SLACK_LIMITS.sectionText - continued.length - more.length - frame;
  const pieces = copyPieces(text, budget);
  return pieces.map((piece, i) => ({
    block: section(
      `${i === 0 ? heading : continued}\n${CODE_FENCE}\n${fenceSafe(piece)}\n${CODE_FENCE}${i < pieces.length - 1 ? more : ""}`,
    ),
    keepWithNext: i < pieces.length - 1,
  }));
}

/**
 * Splits the copy text into pieces whose block text fits `budget`, preferring to cut between
 * lines (so blocks copied one after another give the text back), else at whitespace. Stops after
 * `max + 1` pieces: enough to tell that the text does not fit in `max` blocks.
 */
function copyPieces(text: string, budget: number, max = COPY_INLINE_BLOCKS): string[] {
  const measure = (rest: string) => (a: number, b: number) => fenceSafe(rest.slice(a, b)).length;
  const pieces: string[] = [];
  let rest = text;
  while (rest.trim() !== "" && pieces.length <= max) {
    if (fenceSafe(rest).length <= budget) {
      pieces.push(rest);
      break;
    }
    const [first] = splitToFit(rest, budget, measure(rest));
    const end = first?.[1] ?? rest.length;
    const newline = rest.lastIndexOf("\n", end);
    // A line break late in the piece is the better cut; an early one would waste the block.
    if (newline > end / 2) {
      pieces.push(rest.slice(0, newline));
      rest = rest.slice(newline + 1);
    } else {
      pieces.push(rest.slice(0, end));
      rest = rest.slice(end).replace(/^\s+/, "");
    }
  }
  return pieces.filter((piece) => piece.trim() !== "");
}

/** A block plus what pagination needs to know about it. */
interface Unit {
  readonly block: Block;
  /** Move to the next page together with the following block (headings, labels). */
  readonly keepWithNext?: boolean;
  /** Part of the editor's notes. */
  readonly note?: boolean;
  /** The excerpt (0-based) and piece this block shows, for the omission notice. */
  readonly excerpt?: { readonly index: number; readonly piece: number };
}

function headUnits(answer: Answer): Unit[] {
  const units: Unit[] = [];
  const warning = answer.status === "error" ? "⚠️ " : "";
  units.push({
    block: {
      type: "header",
      text: {
        type: "plain_text",
        text: fitEscaped(`${warning}${answer.title}`, SLACK_LIMITS.headerText),
        emoji: true,
      },
    },
    keepWithNext: true,
  });
  const legend =
    answer.excerpts.length > 0
      ? "_The title, notes, labels and headings are ours; text in a quote bar is the author's, verbatim, with its source._"
      : "_This reply is in our words._";
  units.push({ block: context([legend]) });
  if (answer.reference)
    units.push({
      block: section(
        `*Reference:* \`${fitEscaped(answer.reference, 100)}\` _(quote it when you report the problem)_`,
      ),
    });
  if (answer.page) {
    const { offset, size, total } = answer.page;
    const last = Math.min(offset + size, total);
    units.push({ block: context([`Results ${offset + 1}–${last} of ${total}`]) });
  }
  return units;
}

function noteUnits(answer: Answer): Unit[] {
  const units: Unit[] = [];
  if (answer.notes.length > 0) {
    const heading = "*Editor's notes* _(our words, not the author's)_";
    const continued = " _(continued)_";
    const more = "\n_(notes continue in the next block)_";
    const text = answer.notes.map((note) => `• ${note}`).join("\n");
    // Room for the heading, its "continued", the line break and the "continue" line.
    const pieces = splitToFit(
      text,
      SLACK_LIMITS.sectionText - heading.length - continued.length - 1 - more.length,
      (a, b) => escapeSlack(text.slice(a, b)).length,
    );
    pieces.forEach(([a, b], i) => {
      units.push({
        block: section(
          `${heading}${i > 0 ? continued : ""}\n${escapeSlack(text.slice(a, b))}${i < pieces.length - 1 ? more : ""}`,
        ),
        note: true,
      });
    });
  }
  return units;
}

function excerptUnits(answer: Answer): Unit[] {
  const units: Unit[] = [];
  let group: string | undefined;
  answer.excerpts.forEach((excerpt, index) => {
    if (excerpt.group && excerpt.group !== group) {
      group = excerpt.group;
      units.push({
        block: section(`*${fitEscaped(group, 300)}* _(our heading)_`),
        keepWithNext: true,
      });
    }
    const pieces = quoteSections(excerpt, index + 1);
    pieces.forEach((text, piece) => {
      units.push({
        block: section(text),
        keepWithNext: piece === pieces.length - 1,
        excerpt: { index, piece },
      });
    });
    units.push({
      block: context([citation(excerpt, answer.sources)]),
      excerpt: { index, piece: pieces.length },
    });
  });
  return units;
}

/** The quote as one or more sections: label line, `>` lines, continuation marks between parts. */
function quoteSections(excerpt: Excerpt, number: number): string[] {
  const quote = excerpt.quote;
  const label = excerpt.label
    ? `*${number}. ${fitEscaped(excerpt.label, 300)}* _(our label)_`
    : `*${number}.*`;
  const continued = `_(passage ${number}, continued)_`;
  const more = "\n_(the quote continues in the next block)_";
  const budget =
    SLACK_LIMITS.sectionText - Math.max(label.length, continued.length) - more.length - 1;
  const ranges = highlightRanges(quote, excerpt.highlights ?? []);
  const open = (a: number) => (a === 0 ? `“${excerpt.elided?.before ? "… " : ""}` : "");
  const close = (b: number) => (b >= quote.length ? `${excerpt.elided?.after ? " …" : ""}”` : "");
  const lines = (a: number, b: number) =>
    quoteLines(`${open(a)}${highlighted(quote, a, b, ranges)}${close(b)}`);
  const pieces = splitToFit(
    quote,
    budget,
    (a, b) => quoteLines(`${open(a)}${highlighted(quote, a, b, ranges)} …”`).length,
  );
  return pieces.map(
    ([a, b], i) =>
      `${i === 0 ? label : continued}\n${lines(a, b)}${i < pieces.length - 1 ? more : ""}`,
  );
}

/** Slack's blockquote: every line starts with `>` (source `>` is escaped, so it cannot). */
function quoteLines(text: string): string {
  return text
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
}

/** "— Anisova, ELN, 6 Dec 2023, ¶13 · Section · <url|source>" */
function citation(excerpt: Excerpt, sources: readonly DocumentRef[]): string {
  const { source } = excerpt;
  const section = `${fitEscaped(source.section, 300)}${source.sectionEditorial ? " _(section name ours)_" : ""}`;
  return `— ${fitEscaped(citeShort(source, sources), 300)} · ${section} · ${link(source.url, `source, ¶${source.paragraph}`)}`;
}

function footerUnits(answer: Answer, options: RenderOptions): Unit[] {
  const units: Unit[] = [];
  if (answer.suggestions.length > 0) {
    units.push({
      block: context([`*Try:* ${fitEscaped(answer.suggestions.join("  ·  "), 1000)}`]),
    });
  }
  const notes = options.attachmentNotes ?? [];
  for (let i = 0; i < notes.length; i += SLACK_LIMITS.contextElements) {
    units.push({
      block: context(
        notes.slice(i, i + SLACK_LIMITS.contextElements).map((n) => `📎 ${fitEscaped(n, 500)}`),
      ),
    });
  }
  if (answer.replyRequest) {
    const request = answer.replyRequest;
    const value = encodeReplyRequest(request, options.isPublic);
    const prompt = `*${fitEscaped(request.prompt, 2000)}* _(our question)_`;
    if (value) {
      units.push({ block: section(prompt), keepWithNext: true });
      units.push({
        block: {
          type: "actions",
          elements: [
            {
              type: "button",
              text: { type: "plain_text", text: "Answer" },
              action_id: REPLY_ACTION,
              value,
              style: "primary",
            },
          ],
        },
      });
    } else {
      const line = formatCommandLine(request.command, {
        ...request.options,
        [request.replyOption]: "your answer",
      });
      units.push({ block: section(`${prompt}\nReply with: \`${fitEscaped(line, 500)}\``) });
    }
  }
  units.push(...followUpUnits(answer, options.isPublic));
  const sources = answer.sources.slice(0, SLACK_LIMITS.contextElements);
  if (sources.length > 0) {
    const lines = sources.map((doc, i) => `${i === 0 ? "*Source:* " : ""}${sourceLine(doc)}`);
    const hidden = answer.sources.length - sources.length;
    if (hidden > 0) lines[lines.length - 1] += ` _(and ${hidden} more sources)_`;
    units.push({ block: context(lines) });
  }
  return units;
}

/** Buttons for the follow-ups; one whose state is too long for a button becomes a text hint. */
function followUpUnits(answer: Answer, isPublic: boolean): Unit[] {
  const units: Unit[] = [];
  const buttons: ButtonElement[] = [];
  const hints: string[] = [];
  const shown = answer.followUps.slice(0, 10);
  shown.forEach((followUp, index) => {
    const value = encodeFollowUp(followUp, isPublic);
    if (value)
      buttons.push({
        type: "button",
        text: {
          type: "plain_text",
          text: fitEscaped(followUp.label, SLACK_LIMITS.buttonText),
          emoji: true,
        },
        action_id: `follow-up:${index}`,
        value,
      });
    else
      hints.push(`\`${fitEscaped(formatCommandLine(followUp.command, followUp.options), 300)}\``);
  });
  // Button values count toward the message budget, so long ones go in several actions blocks.
  let row: ButtonElement[] = [];
  for (const button of buttons) {
    if (
      row.length > 0 &&
      (rowSize([...row, button]) > 5000 || row.length === SLACK_LIMITS.actionsElements)
    ) {
      units.push({ block: { type: "actions", elements: row } });
      row = [];
    }
    row.push(button);
  }
  if (row.length > 0) units.push({ block: { type: "actions", elements: row } });
  const hidden = answer.followUps.length - shown.length;
  if (hints.length > 0 || hidden > 0) {
    const parts = [
      ...(hints.length ? [`*Next:* ${hints.join("  ·  ")}`] : []),
      ...(hidden > 0 ? [`_(${hidden} more follow-ups not shown)_`] : []),
    ];
    units.push({ block: context([fitEscapedMarkup(parts.join(" "), SLACK_LIMITS.contextText)]) });
  }
  return units;
}

function rowSize(buttons: readonly ButtonElement[]): number {
  return buttons.reduce(
    (sum, b) => sum + b.text.text.length + b.value.length + b.action_id.length,
    0,
  );
}

function sourceLine(doc: DocumentRef): string {
  const text = `${doc.author}, “${doc.title}”, ${doc.publisher}, ${doc.date ? longDate(doc.date) : ""}`;
  return `${fitEscaped(text, 250)} · ${link(doc.url, "read it")}`;
}

/** A link we build ourselves: only http(s), with the characters that end a Slack link encoded. */
function link(url: string, text: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "_(no link)_";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "_(no link)_";
  const href = parsed.href
    .replace(/\|/g, "%7C")
    .replace(/</g, "%3C")
    .replace(/>/g, "%3E")
    .replace(/&/g, "&amp;");
  if (href.length > 1000) return "_(link too long to show)_";
  return `<${href}|${fitEscaped(text, 100)}>`;
}

function omissionNotice(body: readonly Unit[], keep: number, total: number): Unit {
  const dropped = body.slice(keep);
  const first = dropped.find((u) => u.excerpt)?.excerpt;
  const parts: string[] = [];
  if (dropped.some((u) => u.note)) parts.push("the rest of the editor's notes");
  if (first)
    parts.push(
      first.index + 1 === total ? `passage ${total}` : `passages ${first.index + 1}–${total}`,
    );
  return {
    block: section(
      `_Not shown, because Slack limits how long one reply can be: ${parts.join(" and ")}. Ask a narrower question to see them._`,
    ),
  };
}

function continuationMark(index: number, count: number): ContextBlock {
  return context([`_(continued — part ${index + 1} of ${count})_`]);
}

/** The notification text: the title and the first quotes, each with its short citation. */
function fallbackText(answer: Answer): string {
  const lines = [escapeSlack(answer.title)];
  if (answer.reference) lines.push(`Reference: ${escapeSlack(answer.reference)}`);
  let size = lines[0]?.length ?? 0;
  let shown = 0;
  for (const excerpt of answer.excerpts) {
    const line = `“${fitEscaped(excerpt.quote, 300)}” — ${fitEscaped(citeShort(excerpt.source, answer.sources), 200)}`;
    if (size + line.length + 1 > SLACK_LIMITS.fallbackText - 80) break;
    lines.push(line);
    size += line.length + 1;
    shown++;
  }
  if (shown < answer.excerpts.length)
    lines.push(`(${answer.excerpts.length - shown} more passages in the full answer)`);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// Pagination

const PAGE_RESERVE = { blocks: 2, chars: 400 };

function paginate(units: readonly Unit[]): Block[][] {
  const maxBlocks = SLACK_LIMITS.blocks - PAGE_RESERVE.blocks;
  const maxChars = SLACK_LIMITS.messageChars - PAGE_RESERVE.chars;
  const pages: Block[][] = [[]];
  let chars = 0;
  const fits = (blocks: number, size: number) =>
    (pages.at(-1)?.length ?? 0) + blocks <= maxBlocks && chars + size <= maxChars;
  units.forEach((unit, i) => {
    const size = blockSize(unit.block);
    const next = units[i + 1];
    const together = unit.keepWithNext && next ? size + blockSize(next.block) : size;
    const current = pages.at(-1) as Block[];
    if (current.length > 0 && !fits(unit.keepWithNext && next ? 2 : 1, together)) {
      pages.push([]);
      chars = 0;
    }
    (pages.at(-1) as Block[]).push(unit.block);
    chars += size;
  });
  return pages;
}

/** Characters that count toward a message: every text and button value in the block. */
export function blockSize(block: Block): number {
  switch (block.type) {
    case "header":
    case "section":
      return block.text.text.length;
    case "context":
      return block.elements.reduce((sum, e) => sum + e.text.length, 0);
    case "actions":
      return rowSize(block.elements);
  }
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function section(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

function context(texts: readonly string[]): ContextBlock {
  return { type: "context", elements: texts.map((text) => ({ type: "mrkdwn", text })) };
}

/** Escapes text and shortens it (visibly, with "…") so the escaped form fits `max`. */
export function fitEscaped(text: string, max: number): string {
  let length = max;
  for (;;) {
    const escaped = escapeSlack(shorten(text, Math.max(2, length)));
    if (escaped.length <= max || length <= 2) return escaped.length <= max ? escaped : "…";
    length -= Math.max(1, escaped.length - max);
  }
}

/** Shortens text that already holds our markup; it is cut only at a space, never in an entity. */
function fitEscapedMarkup(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(0, cut.lastIndexOf(" ")))}…`;
}

/**
 * Splits `text` into [start, end) pieces whose measured size fits `budget`, at whitespace where
 * it can; a single word longer than the budget is split between characters.
 */
export function splitToFit(
  text: string,
  budget: number,
  measure: (start: number, end: number) => number,
): Array<[number, number]> {
  // Most texts fit whole: then there is nothing to split.
  if (measure(0, text.length) <= budget) return [[0, text.length]];
  const pieces: Array<[number, number]> = [];
  const breaks: number[] = [];
  for (let i = 1; i < text.length; i++)
    if (/\s/.test(text[i] as string) && !/\s/.test(text[i - 1] as string)) breaks.push(i);
  let start = 0;
  while (start < text.length) {
    if (measure(start, text.length) <= budget) {
      pieces.push([start, text.length]);
      break;
    }
    const candidates = breaks.filter((b) => b > start);
    let end = largestFitting(candidates, (b) => measure(start, b) <= budget);
    if (end === undefined) {
      const positions: number[] = [];
      for (let i = start + 1; i < text.length; i++)
        if (!isLowSurrogate(text.charCodeAt(i))) positions.push(i);
      end =
        largestFitting(positions, (p) => measure(start, p) <= budget) ??
        positions[0] ??
        text.length;
    }
    pieces.push([start, end]);
    start = end;
    while (start < text.length && /\s/.test(text[start] as string)) start++;
  }
  return pieces.length > 0 ? pieces : [[0, 0]];
}

/** The largest sorted candidate for which `ok` holds, assuming `ok` mostly holds for a prefix. */
function largestFitting(sorted: readonly number[], ok: (n: number) => boolean): number | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  let best: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = sorted[mid] as number;
    if (ok(value)) {
      best = value;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Where the verbatim highlights occur in the quote, merged where they overlap. */
export function highlightRanges(
  quote: string,
  highlights: readonly string[],
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const highlight of highlights) {
    if (highlight.trim() === "") continue;
    for (
      let at = quote.indexOf(highlight);
      at !== -1;
      at = quote.indexOf(highlight, at + highlight.length)
    )
      ranges.push([at, at + highlight.length]);
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const WORDISH = /[\p{L}\p{N}*_~`]/u;

/**
 * The slice [a, b) of the quote, escaped, with highlights in bold. Bold is applied only where
 * Slack will render it (at word edges, within one line), so no stray `*` enters a quote.
 */
function highlighted(
  quote: string,
  a: number,
  b: number,
  ranges: readonly (readonly [number, number])[],
): string {
  let out = "";
  let at = a;
  for (const [rs, re] of ranges) {
    let s = Math.max(rs, a);
    let e = Math.min(re, b);
    while (s < e && /\s/.test(quote[s] as string)) s++;
    while (e > s && /\s/.test(quote[e - 1] as string)) e--;
    if (s >= e || s < at) continue;
    const inner = quote.slice(s, e);
    const before = quote[s - 1];
    const after = quote[e];
    const boldable =
      !/[\n*]/.test(inner) &&
      !(before && WORDISH.test(before)) &&
      !(after && WORDISH.test(after)) &&
      !/[\s]/.test(inner[0] as string);
    if (!boldable) continue;
    out += `${escapeSlack(quote.slice(at, s))}*${escapeSlack(inner)}*`;
    at = e;
  }
  return out + escapeSlack(quote.slice(at, b));
}
