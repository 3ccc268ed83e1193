/**
 * An Answer as Slack Block Kit messages. Everything we wrote is marked as ours; every quote is a
 * quoted section with its citation; all source and user text is escaped (escape.ts). Slack's
 * limits are enforced by splitting quotes at word boundaries (split.ts, with visible continuation
 * marks) and paginating into several messages (paginate.ts); whatever still does not fit is named
 * in a visible notice, never cut silently.
 *
 * The renderer decides once where an answer's plain-text copy goes: in preformatted blocks when
 * it is short enough (copy-text.ts), otherwise as a `.txt` file among the answer's files.
 */
import type { Answer, Attachment, DocumentRef, Excerpt } from "../../core/answer.js";
import { formatCommandLine } from "../../core/arguments.js";
import { citeShort, longDate } from "../../core/cite.js";
import {
  ALL_OURS_LEGEND,
  EDITORS_NOTES,
  EDITORS_NOTES_OURS,
  OURS,
  OURS_LEGEND,
} from "../../core/words.js";
import { copyTextAttachment } from "../copy-text.js";
import {
  type ButtonElement,
  type ContextBlock,
  context,
  rowSize,
  SLACK_LIMITS,
  type SlackMessage,
  section,
} from "./blocks.js";
import { COPY_INLINE_BLOCKS, copyUnits } from "./copy-text.js";
import { escapeSlack, fitEscaped, fitEscapedMarkup, link, quoteLines } from "./escape.js";
import { paginate, type Unit } from "./paginate.js";
import { highlighted, highlightRanges, splitToFit } from "./split.js";
import { encodeFollowUp, encodeReplyRequest } from "./state.js";

export interface RenderOptions {
  /** Whether the answer is posted to the channel; buttons carry it so follow-ups match. */
  readonly isPublic: boolean;
}

/** What an answer renders to: the files to upload, and the messages that say where they went. */
export interface RenderedAnswer {
  /** The answer's attachments, and its copy text when too long to show in the reply. */
  readonly files: readonly Attachment[];
  /** The messages, given one line per file saying where it went (or why it did not). */
  messages(attachmentNotes?: readonly string[]): SlackMessage[];
}

/** Action ids of the buttons the renderer makes; the interaction handlers match these. */
export const FOLLOW_UP_ACTION = /^follow-up:\d+$/;
export const REPLY_ACTION = "reply:open";

/** Slack's markup for one of our markers: `_(our label)_`. */
export function ours(marker: string): string {
  return `_(${marker})_`;
}

/** Renders an answer: its files, and its messages, each within Slack's limits. */
export function renderAnswer(answer: Answer, options: RenderOptions): RenderedAnswer {
  const head = headUnits(answer);
  const body = [...noteUnits(answer), ...excerptUnits(answer)];
  const copy = copyInline(answer, options, head, body);
  const file = copy.length === 0 ? copyTextAttachment(answer) : undefined;
  return {
    files: [...(answer.attachments ?? []), ...(file ? [file] : [])],
    messages: (attachmentNotes = []) =>
      layout(answer, head, body, [...copy, ...footerUnits(answer, options, attachmentNotes)]),
  };
}

/**
 * The copy text's blocks when it fits in a few of them without costing the reply any of its
 * quotes; none otherwise (then it goes as a file).
 */
function copyInline(
  answer: Answer,
  options: RenderOptions,
  head: readonly Unit[],
  body: readonly Unit[],
): Unit[] {
  const text = answer.copyText;
  if (text === undefined || text.trim() === "") return [];
  const copy = copyUnits(text);
  if (copy.length > COPY_INLINE_BLOCKS) return [];
  const pages = paginate([...head, ...body, ...copy, ...footerUnits(answer, options, [])]);
  return pages.length <= SLACK_LIMITS.pages ? copy : [];
}

function layout(
  answer: Answer,
  head: readonly Unit[],
  body: readonly Unit[],
  footer: readonly Unit[],
): SlackMessage[] {
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
  const legend = answer.excerpts.length > 0 ? OURS_LEGEND : ALL_OURS_LEGEND;
  units.push({ block: context([`_${legend}_`]) });
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

/** The program's notices (no heading), then the editor's notes under theirs. */
function noteUnits(answer: Answer): Unit[] {
  return [
    ...lineUnits(answer.notices ?? [], "", ""),
    ...lineUnits(answer.notes, `*${EDITORS_NOTES}* ${ours(EDITORS_NOTES_OURS)}`, "• "),
  ];
}

/** Lines in sections under a heading, split to fit Slack's section limit. */
function lineUnits(lines: readonly string[], heading: string, bullet: string): Unit[] {
  const units: Unit[] = [];
  if (lines.length > 0) {
    const continued = heading ? " _(continued)_" : "";
    const more = "\n_(notes continue in the next block)_";
    const text = lines.map((line) => `${bullet}${line}`).join("\n");
    // Room for the heading, its "continued", the line break and the "continue" line.
    const pieces = splitToFit(
      text,
      SLACK_LIMITS.sectionText - heading.length - continued.length - 1 - more.length,
      (a, b) => escapeSlack(text.slice(a, b)).length,
    );
    pieces.forEach(([a, b], i) => {
      units.push({
        block: section(
          `${heading}${i > 0 ? continued : ""}${heading ? "\n" : ""}${escapeSlack(text.slice(a, b))}${i < pieces.length - 1 ? more : ""}`,
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
        block: section(`*${fitEscaped(group, 300)}* ${ours(OURS.heading)}`),
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
    ? `*${number}. ${fitEscaped(excerpt.label, 300)}* ${ours(OURS.label)}`
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

/** "— Anisova, ELN, 6 Dec 2023, ¶13 · Section · <url|source>" */
function citation(excerpt: Excerpt, sources: readonly DocumentRef[]): string {
  const { source } = excerpt;
  const section = `${fitEscaped(source.section, 300)}${source.sectionEditorial ? ` ${ours(OURS.sectionName)}` : ""}`;
  return `— ${fitEscaped(citeShort(source, sources), 300)} · ${section} · ${link(source.url, `source, ¶${source.paragraph}`)}`;
}

function footerUnits(
  answer: Answer,
  options: RenderOptions,
  attachmentNotes: readonly string[],
): Unit[] {
  const units: Unit[] = [];
  if (answer.suggestions.length > 0) {
    units.push({
      block: context([`*Try:* ${fitEscaped(answer.suggestions.join("  ·  "), 1000)}`]),
    });
  }
  for (let i = 0; i < attachmentNotes.length; i += SLACK_LIMITS.contextElements) {
    units.push({
      block: context(
        attachmentNotes
          .slice(i, i + SLACK_LIMITS.contextElements)
          .map((n) => `📎 ${fitEscaped(n, 500)}`),
      ),
    });
  }
  if (answer.replyRequest) units.push(...replyUnits(answer.replyRequest, options.isPublic));
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

/** The question and its "Answer" button; a text hint when the state is too long for a button. */
function replyUnits(request: NonNullable<Answer["replyRequest"]>, isPublic: boolean): Unit[] {
  const value = encodeReplyRequest(request, isPublic);
  const prompt = `*${fitEscaped(request.prompt, 2000)}* ${ours(OURS.question)}`;
  if (!value) {
    const line = formatCommandLine(request.command, {
      ...request.options,
      [request.replyOption]: "your answer",
    });
    return [{ block: section(`${prompt}\nReply with: \`${fitEscaped(line, 500)}\``) }];
  }
  return [
    { block: section(prompt), keepWithNext: true },
    {
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
    },
  ];
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

function sourceLine(doc: DocumentRef): string {
  const text = `${doc.author}, “${doc.title}”, ${doc.publisher}, ${doc.date ? longDate(doc.date) : ""}`;
  return `${fitEscaped(text, 250)} · ${link(doc.url, "read it")}`;
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
