/**
 * An Answer as Discord messages: one embed for the title and our notes, embeds of cited quotes
 * (one per group, quotes as fields), a source embed, and buttons for the follow-ups (buttons.ts).
 * Every limit Discord enforces is enforced here first: long quotes are split across fields at word
 * boundaries with visible "(continued)" marks, embeds spill into further messages (embeds.ts),
 * and when even that is too much, whole quotes are left out with a visible count — a quote is
 * never cut silently.
 *
 * Everything that is ours is marked with the words of core/words.ts: the footer says so for the
 * title, notes are introduced as editor's notes, labels and headings carry their markers.
 *
 * An answer's plain-text copy (`copyText`) is shown as a code block in an embed of its own, or —
 * when it does not fit one, or would push quotes out of the reply — attached as a `.txt` file.
 */
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIEmbedField,
} from "discord.js";
import { MessageFlags } from "discord.js";
import type { Answer, AnswerStatus, Attachment, DocumentRef, Excerpt } from "../../core/answer.js";
import { citeFull, citeShort } from "../../core/cite.js";
import {
  bracketed,
  COPY_TITLE,
  EDITORS_NOTES,
  EDITORS_NOTES_OURS,
  OURS,
  OURS_LEGEND,
} from "../../core/words.js";
import { copyTextAttachment } from "../copy-text.js";
import { buttonRows, REPLY_BUTTON_LABEL } from "./buttons.js";
import { CONTINUED_BELOW, type Line, packEmbeds, packLines } from "./embeds.js";
import { escapeText, fenceSafe, fitEscaped, linkTarget, oneLine } from "./escape.js";
import { LIMITS } from "./limits.js";
import { answerFiles, type DiscordFile, type DiscordMessage } from "./message.js";
import { renderInPieces } from "./split.js";

export interface RenderedAnswer {
  readonly messages: readonly [DiscordMessage, ...DiscordMessage[]];
  /** Things left out that a developer should hear about (e.g. a button whose state did not fit). */
  readonly warnings: readonly string[];
}

export interface RenderOptions {
  readonly ephemeral: boolean;
}

/** A reply never takes more than this many messages (the first answers, the rest follow up). */
export const MAX_MESSAGES = 5;

const HEAD_DESCRIPTIONS = 2;
const SOURCE_DESCRIPTIONS = 1;
const CODE_FENCE = "```";
const COLORS: Readonly<Record<AnswerStatus, number>> = {
  ok: 0x2b6cb0,
  "not-found": 0xd69e2e,
  "invalid-input": 0xd69e2e,
  error: 0xc53030,
};

export function renderAnswer(answer: Answer, options: RenderOptions): RenderedAnswer {
  const parts = answerParts(answer);
  const block = copyBlock(answer.copyText);
  if (block !== undefined) {
    const inline = renderWithCopy(answer, parts, options, { block });
    if (inline.hidden === 0) return inline.rendered;
  }
  // Too long for a code block, or it would push quotes out of the reply: the copy goes as a file.
  return renderWithCopy(answer, parts, options, { file: copyTextAttachment(answer) }).rendered;
}

/**
 * What an answer renders to wherever its copy goes: its quotes as fields, its sources and its
 * buttons. Built once per render: the layout is tried with fewer and fewer quotes, and the copy
 * in a block and then as a file, and each try would otherwise split and escape every quote again.
 */
interface AnswerParts {
  readonly excerptFields: readonly (readonly APIEmbedField[])[];
  readonly sources: readonly APIEmbed[];
  readonly components: readonly APIActionRowComponent<APIButtonComponentWithCustomId>[];
  readonly buttonWarnings: readonly string[];
}

function answerParts(answer: Answer): AnswerParts {
  const buttonWarnings: string[] = [];
  return {
    excerptFields: answer.excerpts.map((excerpt, index) =>
      excerptFields(excerpt, index + 1, answer.sources),
    ),
    sources: sourceEmbeds(answer.sources),
    components: buttonRows(answer, buttonWarnings),
    buttonWarnings,
  };
}

/** Where the plain-text copy goes: a fenced block for an embed, or a file (or neither). */
interface CopyPlacement {
  readonly block?: string;
  readonly file?: Attachment | undefined;
}

function renderWithCopy(
  answer: Answer,
  parts: AnswerParts,
  options: RenderOptions,
  copy: CopyPlacement,
): { rendered: RenderedAnswer; hidden: number } {
  const warnings: string[] = [];
  const files = answerFiles(
    [...(answer.attachments ?? []), ...(copy.file ? [copy.file] : [])],
    warnings,
  );
  warnings.push(...parts.buttonWarnings);
  const { components, sources } = parts;
  const head = headEmbeds(answer, files);
  const copyEmbeds: APIEmbed[] =
    copy.block === undefined
      ? []
      : [{ title: COPY_TITLE, color: COLORS[answer.status], description: copy.block }];
  const layout = (shown: number) =>
    packEmbeds([...head, ...excerptEmbeds(answer, parts, shown), ...copyEmbeds, ...sources]);

  let shown = answer.excerpts.length;
  let packed = layout(shown);
  if (packed.length > MAX_MESSAGES) {
    // The most quotes that fit, found by bisection: layouts grow with every quote added.
    let low = 0;
    let high = shown - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (layout(middle).length <= MAX_MESSAGES) low = middle;
      else high = middle - 1;
    }
    shown = low;
    packed = layout(shown);
  }
  const hidden = answer.excerpts.length - shown;
  const flags = options.ephemeral ? MessageFlags.Ephemeral : undefined;
  const messages = packed.map((embeds, index): DiscordMessage => {
    const last = index === packed.length - 1;
    const content = [
      index > 0 ? `*(continued — part ${index + 1} of ${packed.length})*` : "",
      last && hidden > 0
        ? `*${hidden} more quote${hidden === 1 ? " is" : "s are"} not shown: a reply holds at most ${MAX_MESSAGES} messages. Narrow the question or use the buttons. ${bracketed(OURS.note)}*`
        : "",
    ].filter(Boolean);
    return {
      ...(content.length ? { content: content.join("\n") } : {}),
      embeds,
      components: last ? components : [],
      ...(flags === undefined ? {} : { flags }),
      allowed_mentions: { parse: [] },
      files: index === 0 ? files : [],
    };
  });
  return {
    rendered: { messages: messages as [DiscordMessage, ...DiscordMessage[]], warnings },
    hidden,
  };
}

/** The copy text as a code block for an embed description, or undefined when it does not fit. */
function copyBlock(copyText: string | undefined): string | undefined {
  if (copyText === undefined || copyText.trim() === "") return undefined;
  const block = `${CODE_FENCE}\n${fenceSafe(copyText)}\n${CODE_FENCE}`;
  return block.length <= LIMITS.embedDescription ? block : undefined;
}

function headEmbeds(answer: Answer, files: readonly DiscordFile[]): APIEmbed[] {
  const lines: Line[] = [];
  if (answer.reference) lines.push({ prefix: "**Reference:** ", text: answer.reference });
  for (const notice of answer.notices ?? []) lines.push({ prefix: "", text: notice });
  if (answer.notes.length > 0) {
    lines.push({ prefix: `*${EDITORS_NOTES} — ${EDITORS_NOTES_OURS}:*`, text: "" });
    for (const note of answer.notes) lines.push({ prefix: "• ", text: note });
  }
  if (answer.replyRequest) {
    lines.push({
      prefix: `**Your turn** *${bracketed(OURS.question)}*: `,
      text: answer.replyRequest.prompt,
    });
    lines.push({ prefix: `*Press **${REPLY_BUTTON_LABEL}** below to reply.*`, text: "" });
  }
  if (answer.suggestions.length > 0)
    lines.push({ prefix: "**Try:** ", text: answer.suggestions.join("  ·  ") });
  if (answer.page && answer.excerpts.length > 0) {
    const { offset, total } = answer.page;
    lines.push({
      prefix: `*Results ${offset + 1}–${offset + answer.excerpts.length} of ${total}*`,
      text: "",
    });
  }
  for (const file of files)
    lines.push({
      prefix: `*Attached: ${escapeText(file.filename)} — ${OURS.description}:* `,
      text: file.description,
    });

  const descriptions = packLines(lines, LIMITS.embedDescription, HEAD_DESCRIPTIONS);
  const color = COLORS[answer.status];
  const image = files.find((f) => f.contentType.startsWith("image/"));
  const first: APIEmbed = {
    title: fitEscaped(oneLine(answer.title) || `/${answer.command}`, LIMITS.embedTitle),
    color,
    ...(descriptions[0] ? { description: descriptions[0] } : {}),
    ...(image ? { image: { url: `attachment://${image.filename}` } } : {}),
    footer: { text: OURS_LEGEND },
  };
  return [first, ...descriptions.slice(1).map((description): APIEmbed => ({ description, color }))];
}

function excerptEmbeds(answer: Answer, parts: AnswerParts, shown: number): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let current: { fields: APIEmbedField[]; chars: number; group: string | undefined } | undefined;
  const color = COLORS[answer.status];
  answer.excerpts.slice(0, shown).forEach((excerpt, index) => {
    const fields = parts.excerptFields[index] ?? [];
    fields.forEach((field, part) => {
      const size = field.name.length + field.value.length;
      const newGroup = part === 0 && (!current || excerpt.group !== current.group);
      if (
        !current ||
        newGroup ||
        current.fields.length === LIMITS.fieldsPerEmbed ||
        current.chars + size > LIMITS.embedCharsPerMessage
      ) {
        const title =
          excerpt.group === undefined ? undefined : groupTitle(excerpt.group, !newGroup);
        current = { fields: [], chars: title?.length ?? 0, group: excerpt.group };
        embeds.push({ ...(title ? { title } : {}), color, fields: current.fields });
      }
      current.fields.push(field);
      current.chars += size;
    });
  });
  return embeds;
}

function groupTitle(group: string, continued: boolean): string {
  const suffix = ` ${bracketed(continued ? OURS.headingContinued : OURS.heading)}`;
  return fitEscaped(oneLine(group), LIMITS.embedTitle - suffix.length) + suffix;
}

/** A quote as one or more fields: the quote in pieces, the citation after the last piece. */
function excerptFields(
  excerpt: Excerpt,
  number: number,
  documents: readonly DocumentRef[],
): APIEmbedField[] {
  const open = `“${excerpt.elided?.before ? "… " : ""}`;
  const tail = `${excerpt.elided?.after ? " …" : ""}”\n${citeLine(excerpt, documents)}`;
  const budget = LIMITS.fieldValue - open.length - Math.max(tail.length, CONTINUED_BELOW.length);
  const pieces = renderInPieces(excerpt.quote, budget, excerpt.highlights ?? []);
  if (pieces.length === 0) pieces.push("");
  const suffix = ` ${bracketed(OURS.label)}`;
  const prefix = `${number}. `;
  const label = oneLine(excerpt.label ?? "");
  const name = label
    ? `${prefix}${fitEscaped(label, LIMITS.fieldName - prefix.length - suffix.length)}${suffix}`
    : `Quote ${number}`;
  return pieces.map((piece, index) => ({
    name: index === 0 ? name : `${prefix}(continued)`,
    value: `${index === 0 ? open : ""}${piece}${index === pieces.length - 1 ? tail : CONTINUED_BELOW}`,
  }));
}

/** "— [Anisova, ELN, 6 Dec 2023, ¶13](link) · Section": bounded, whatever the metadata holds. */
function citeLine(excerpt: Excerpt, documents: readonly DocumentRef[]): string {
  const { source } = excerpt;
  const cite = fitEscaped(oneLine(citeShort(source, documents)), 120);
  const link = linkTarget(source.url);
  const section = source.section.trim()
    ? ` · ${fitEscaped(oneLine(source.section), 200)}${source.sectionEditorial ? ` *${bracketed(OURS.sectionName)}*` : ""}`
    : "";
  return `— ${link ? `[${cite}](${link})` : cite}${section}`;
}

function sourceEmbeds(sources: readonly DocumentRef[]): APIEmbed[] {
  if (sources.length === 0) return [];
  const lines = sources.map((doc): Line => {
    const link = linkTarget(doc.url);
    return {
      prefix: "",
      text: citeFull({ ...doc, url: "" }).trimEnd(),
      suffix: link ? ` ${link}` : "",
    };
  });
  return packLines(lines, LIMITS.embedDescription, SOURCE_DESCRIPTIONS).map(
    (description, index) => ({
      ...(index === 0 ? { title: sources.length === 1 ? "Source" : "Sources" } : {}),
      description,
    }),
  );
}
