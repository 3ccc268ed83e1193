/**
 * An Answer as Discord messages: one embed for the title and our notes, embeds of cited quotes
 * (one per group, quotes as fields), a source embed, and buttons for the follow-ups. Every limit
 * Discord enforces is enforced here first: long quotes are split across fields at word boundaries
 * with visible "(continued)" marks, embeds spill into further messages, and when even that is
 * too much, whole quotes are left out with a visible count — a quote is never cut silently.
 *
 * Everything that is ours is marked: the footer says so for the title, notes are introduced as
 * editor's notes, labels and headings carry "(our label)" / "(our heading)".
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
import { ButtonStyle, ComponentType, MessageFlags } from "discord.js";
import type { Answer, AnswerStatus, Attachment, DocumentRef, Excerpt } from "../../core/answer.js";
import { citeFull, citeShort } from "../../core/cite.js";
import { encodeCustomId } from "./custom-id.js";
import {
  escapeText,
  fitEscaped,
  linkTarget,
  neutralizeMentions,
  oneLine,
  plainText,
} from "./escape.js";
import { LIMITS } from "./limits.js";
import { renderInPieces } from "./split.js";

/** One Discord message, shaped like the API's message body (plus the files to upload with it). */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
  readonly components: readonly APIActionRowComponent<APIButtonComponentWithCustomId>[];
  /** `MessageFlags.Ephemeral` when only the user who asked may see it. */
  readonly flags?: number;
  /** Mentions in our text never notify anyone, whatever the text says. */
  readonly allowed_mentions: { readonly parse: readonly [] };
  readonly files: readonly DiscordFile[];
}

export interface DiscordFile {
  /** Safe for Discord and for `attachment://` links. */
  readonly filename: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  /** Ours: the alt text. */
  readonly description: string;
}

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
/** The label of the button that opens the reply modal for a `replyRequest`. */
export const REPLY_BUTTON_LABEL = "Answer";
export const OURS_FOOTER =
  "Title, notes, labels and headings are ours; quoted text is verbatim from the source and cited.";
/** Heads the plain-text copy of an answer, in its embed or as its file's description. */
export const COPY_TITLE = "Plain text to copy — our tag and cite, verbatim card text";

const CONTINUED_BELOW = " *(continued below)*";
const CONTINUED_LINE = "*(continued)* ";
const HEAD_DESCRIPTIONS = 2;
const MAX_FILES = 10;
const SOURCE_DESCRIPTIONS = 1;
const COLORS: Readonly<Record<AnswerStatus, number>> = {
  ok: 0x2b6cb0,
  "not-found": 0xd69e2e,
  "invalid-input": 0xd69e2e,
  error: 0xc53030,
};

/** A line of a description: a rendered prefix, raw text to escape, a rendered suffix. */
interface Line {
  readonly prefix: string;
  readonly text: string;
  readonly suffix?: string;
}

export function renderAnswer(answer: Answer, options: RenderOptions): RenderedAnswer {
  const parts = answerParts(answer);
  const block = copyBlock(answer.copyText);
  if (block !== undefined) {
    const inline = renderWithCopy(answer, parts, options, { block });
    if (inline.hidden === 0) return inline.rendered;
  }
  // Too long for a code block, or it would push quotes out of the reply: the copy goes as a file.
  return renderWithCopy(answer, parts, options, { file: copyFile(answer) }).rendered;
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
        ? `*${hidden} more quote${hidden === 1 ? " is" : "s are"} not shown: a reply holds at most ${MAX_MESSAGES} messages. Narrow the question or use the buttons. (our note)*`
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

const CODE_FENCE = "```";
/** Control characters other than tab and line breaks: they have no place in a case file. */
const COPY_CONTROL = /(?![\t\n\r])\p{Cc}/gu;

/**
 * Text that is safe inside a code block: no run of backticks can close the fence early (an
 * invisible space sits between any two), no mention can form, no control characters.
 */
export function fenceSafe(text: string): string {
  return neutralizeMentions(text.replace(COPY_CONTROL, "").replace(/`(?=`)/g, "`\u200b"));
}

/** The copy text as a code block for an embed description, or undefined when it does not fit. */
function copyBlock(copyText: string | undefined): string | undefined {
  if (copyText === undefined || copyText.trim() === "") return undefined;
  const block = `${CODE_FENCE}\n${fenceSafe(copyText)}\n${CODE_FENCE}`;
  return block.length <= LIMITS.embedDescription ? block : undefined;
}

/** The copy text as a `.txt` file, exactly as the command wrote it. */
function copyFile(answer: Answer): Attachment | undefined {
  const text = answer.copyText;
  if (text === undefined || text.trim() === "") return undefined;
  return {
    filename: `${answer.command}.txt`,
    contentType: "text/plain; charset=utf-8",
    data: new TextEncoder().encode(text),
    description: COPY_TITLE,
  };
}

/** The characters Discord counts toward an embed's share of the 6000 per message. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/** Groups embeds into messages of at most 10 embeds and 6000 characters. */
function packEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [[]];
  let chars = 0;
  for (const embed of embeds) {
    const size = embedLength(embed);
    const current = messages.at(-1) as APIEmbed[];
    if (
      current.length > 0 &&
      (current.length === LIMITS.embedsPerMessage || chars + size > LIMITS.embedCharsPerMessage)
    ) {
      messages.push([embed]);
      chars = size;
    } else {
      current.push(embed);
      chars += size;
    }
  }
  return messages;
}

function headEmbeds(answer: Answer, files: readonly DiscordFile[]): APIEmbed[] {
  const lines: Line[] = [];
  if (answer.reference) lines.push({ prefix: "**Reference:** ", text: answer.reference });
  if (answer.notes.length > 0) {
    lines.push({ prefix: "*Editor's notes — our words, not the author's:*", text: "" });
    for (const note of answer.notes) lines.push({ prefix: "• ", text: note });
  }
  if (answer.replyRequest) {
    lines.push({ prefix: "**Your turn** *(our prompt)*: ", text: answer.replyRequest.prompt });
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
      prefix: `*Attached: ${escapeText(file.filename)} — our description:* `,
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
    footer: { text: OURS_FOOTER },
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
  const suffix = continued ? " (our heading, continued)" : " (our heading)";
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
  const suffix = " (our label)";
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
    ? ` · ${fitEscaped(oneLine(source.section), 200)}${source.sectionEditorial ? " *(section name ours)*" : ""}`
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

/**
 * Packs lines into descriptions of at most `max` characters; a line too long for one description
 * is split with "(continued)" marks. Beyond `maxBlocks` descriptions the rest is counted, not shown.
 */
function packLines(lines: readonly Line[], max: number, maxBlocks: number): string[] {
  const rendered = lines.flatMap((line) => renderLine(line, max));
  const blocks: string[][] = [[]];
  let size = 0;
  let shown = 0;
  for (const text of rendered) {
    const block = blocks.at(-1) as string[];
    const added = (block.length > 0 ? 1 : 0) + text.length;
    if (block.length > 0 && size + added > max) {
      if (blocks.length === maxBlocks) break;
      blocks.push([text]);
      size = text.length;
    } else {
      block.push(text);
      size += added;
    }
    shown++;
  }
  let left = rendered.length - shown;
  if (left > 0) {
    const last = blocks.at(-1) as string[];
    const note = (count: number) =>
      `*…and ${count} more line${count === 1 ? "" : "s"} not shown (our note)*`;
    // Make room for the note by holding back whole lines, never parts of one.
    while (last.length > 0 && [...last, note(left + 1)].join("\n").length > max) {
      last.pop();
      left++;
    }
    last.push(note(left));
  }
  return blocks.filter((block) => block.length > 0).map((block) => block.join("\n"));
}

function renderLine(line: Line, max: number): string[] {
  const suffix = line.suffix ?? "";
  const whole = `${line.prefix}${escapeText(line.text, line.prefix === "")}${suffix}`;
  if (whole.length <= max) return [whole];
  const budget =
    max -
    Math.max(line.prefix.length, CONTINUED_LINE.length) -
    Math.max(suffix.length, CONTINUED_BELOW.length);
  const pieces = renderInPieces(line.text, budget);
  return pieces.map(
    (piece, index) =>
      `${index === 0 ? line.prefix : CONTINUED_LINE}${piece}${index === pieces.length - 1 ? suffix : CONTINUED_BELOW}`,
  );
}

function buttonRows(
  answer: Answer,
  warnings: string[],
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  const seen = new Set<string>();
  const add = (
    id: string | undefined,
    label: string,
    style: ButtonStyle.Primary | ButtonStyle.Secondary,
    what: string,
  ) => {
    if (id === undefined) {
      warnings.push(
        `${what}: its state does not fit Discord's 100-character custom_id, so the button is left out`,
      );
      return;
    }
    if (seen.has(id)) return;
    if (buttons.length === LIMITS.buttonsPerRow * LIMITS.rowsPerMessage) {
      warnings.push(`${what}: a message holds at most 25 buttons, so the button is left out`);
      return;
    }
    seen.add(id);
    buttons.push({
      type: ComponentType.Button,
      style,
      label: fitEscaped(label, LIMITS.buttonLabel, plainText) || "…",
      custom_id: id,
    });
  };
  const request = answer.replyRequest;
  if (request) {
    const state = {
      kind: "reply",
      command: request.command,
      options: request.options,
      replyOption: request.replyOption,
    } as const;
    add(
      encodeCustomId(state),
      REPLY_BUTTON_LABEL,
      ButtonStyle.Primary,
      `reply to /${request.command}`,
    );
  }
  for (const followUp of answer.followUps) {
    const id = encodeCustomId({
      kind: "follow-up",
      command: followUp.command,
      options: followUp.options,
    });
    add(
      id,
      followUp.label || `/${followUp.command}`,
      ButtonStyle.Secondary,
      `follow-up "${followUp.label}" (/${followUp.command})`,
    );
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + LIMITS.buttonsPerRow),
    });
  }
  return rows;
}

/** Attachments with names Discord accepts and `attachment://` links can point at. */
function answerFiles(attachments: readonly Attachment[], warnings: string[]): DiscordFile[] {
  const used = new Set<string>();
  if (attachments.length > MAX_FILES)
    warnings.push(
      `${attachments.length} attachments: a message holds at most ${MAX_FILES} files, so the rest are left out`,
    );
  return attachments.slice(0, MAX_FILES).map((attachment, index) => {
    let filename =
      attachment.filename
        .replace(/[^A-Za-z0-9._-]/g, "_")
        .replace(/^\.+/, "")
        .slice(-80) || `file-${index + 1}`;
    if (used.has(filename)) filename = `${index + 1}-${filename}`;
    used.add(filename);
    return {
      filename,
      contentType: attachment.contentType,
      data: attachment.data,
      description: plainText(attachment.description).slice(0, 1024),
    };
  });
}

/** The message as the JSON body Discord's API takes (the interaction callback's `data`, a webhook body). */
export function toApiBody(message: DiscordMessage): Record<string, unknown> {
  return {
    ...(message.content === undefined ? {} : { content: message.content }),
    embeds: message.embeds,
    components: message.components,
    ...(message.flags === undefined ? {} : { flags: message.flags }),
    allowed_mentions: { parse: [] },
    ...(message.files.length
      ? {
          attachments: message.files.map((file, id) => ({
            id,
            filename: file.filename,
            description: file.description,
          })),
        }
      : {}),
  };
}
