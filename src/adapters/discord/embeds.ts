/**
 * Packing text into Discord's containers: lines into embed descriptions (a line too long for one
 * is split with "(continued)" marks; beyond the allowed descriptions the rest is counted, not
 * shown), and embeds into messages within Discord's per-message limits.
 */
import type { APIEmbed } from "discord.js";
import { bracketed, OURS } from "../../core/words.js";
import { escapeText } from "./escape.js";
import { LIMITS } from "./limits.js";
import { renderInPieces } from "./split.js";

/** Ends a piece that continues in the next field or description. */
export const CONTINUED_BELOW = " *(continued below)*";
const CONTINUED_LINE = "*(continued)* ";

/** A line of a description: a rendered prefix, raw text to escape, a rendered suffix. */
export interface Line {
  readonly prefix: string;
  readonly text: string;
  readonly suffix?: string;
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
export function packEmbeds(embeds: readonly APIEmbed[]): APIEmbed[][] {
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

/**
 * Packs lines into descriptions of at most `max` characters; a line too long for one description
 * is split with "(continued)" marks. Beyond `maxBlocks` descriptions the rest is counted, not shown.
 */
export function packLines(lines: readonly Line[], max: number, maxBlocks: number): string[] {
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
      `*…and ${count} more line${count === 1 ? "" : "s"} not shown ${bracketed(OURS.note)}*`;
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
