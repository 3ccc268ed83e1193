/**
 * One Discord message as the renderer builds it, and as Discord's API takes it: embeds, buttons,
 * flags and the files to upload with it. Mentions in it never notify anyone.
 */
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from "discord.js";
import type { Attachment } from "../../core/answer.js";
import { plainText } from "./escape.js";

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

/** A message holds at most this many files. */
const MAX_FILES = 10;

/** Attachments with names Discord accepts and `attachment://` links can point at. */
export function answerFiles(attachments: readonly Attachment[], warnings: string[]): DiscordFile[] {
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
