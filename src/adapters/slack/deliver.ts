/**
 * Getting an Answer to the student: files first (so the reply can say where they went), then the
 * rendered pages — the first in the slash command's ack when it has not gone out yet, the rest
 * through the response_url — ephemeral unless the student asked for the channel.
 */
import type { RespondArguments, types, webApi } from "@slack/bolt";
import type { Answer, Attachment } from "../../core/answer.js";
import { newReference } from "../../core/execute.js";
import { OURS } from "../../core/words.js";
import type { Logger } from "../../logger.js";
import type { SlashAck } from "./ack.js";
import { renderAnswer } from "./render.js";

/** Posts one message to the interaction's response_url (Bolt's `respond`, or our own). */
export type Respond = (message: RespondArguments) => Promise<unknown>;

export interface Delivery {
  readonly client: webApi.WebClient;
  readonly respond: Respond;
  readonly logger: Logger;
  /** The channel the command was used in; public files go there. */
  readonly channelId: string | undefined;
  /** The student; private files go to a direct message with them. */
  readonly userId: string;
  readonly isPublic: boolean;
  /**
   * A slash command's ack, if it may still carry the first page. When files must be uploaded
   * first (Web API calls of unbounded length), it goes out empty before them instead.
   */
  readonly ack?: SlashAck | undefined;
}

export async function deliverAnswer(delivery: Delivery, answer: Answer): Promise<void> {
  // The files (with a plain-text copy too long to show in the reply) go first.
  const rendered = renderAnswer(answer, { isPublic: delivery.isPublic });
  if (rendered.files.length > 0) await delivery.ack?.send();
  const attachmentNotes = await uploadAttachments(delivery, rendered.files);
  for (const page of rendered.messages(attachmentNotes)) {
    const message: RespondArguments = {
      response_type: delivery.isPublic ? "in_channel" : "ephemeral",
      replace_original: false,
      text: page.text,
      // Our block types are a structural subset of Slack's.
      blocks: page.blocks as unknown as types.KnownBlock[],
    };
    if (!(await delivery.ack?.send(message))) await delivery.respond(message);
  }
}

/**
 * Uploads with Slack's external flow (files.getUploadURLExternal → POST the bytes →
 * files.completeUploadExternal). Files cannot be ephemeral, so a private answer's files go to a
 * direct message with the student rather than to the channel.
 */
async function uploadAttachments(
  delivery: Delivery,
  attachments: readonly Attachment[],
): Promise<string[]> {
  if (attachments.length === 0) return [];
  const notes: string[] = [];
  let channel: string | undefined;
  try {
    channel = delivery.isPublic ? delivery.channelId : await directMessageChannel(delivery);
  } catch (error) {
    const reference = newReference();
    delivery.logger.error(
      { err: error, reference },
      "Slack: could not open a direct message for files",
    );
    return attachments.map(
      (a) =>
        `${a.filename} (${a.description} — ${OURS.description}) could not be sent; reference ${reference}`,
    );
  }
  const where = delivery.isPublic
    ? "posted in this channel"
    : "sent to you in a direct message from the app";
  for (const attachment of attachments) {
    try {
      await delivery.client.filesUploadV2({
        file: Buffer.from(attachment.data),
        filename: attachment.filename,
        title: attachment.filename,
        alt_text: attachment.description.slice(0, 1000),
        ...(channel ? { channel_id: channel } : {}),
      });
      notes.push(
        `${attachment.filename} (${attachment.description} — ${OURS.description}): ${where}`,
      );
    } catch (error) {
      const reference = newReference();
      delivery.logger.error(
        { err: error, reference, filename: attachment.filename },
        "Slack: file upload failed",
      );
      notes.push(
        `${attachment.filename} (${attachment.description} — ${OURS.description}) could not be uploaded; reference ${reference}`,
      );
    }
  }
  return notes;
}

async function directMessageChannel(delivery: Delivery): Promise<string> {
  const opened = await delivery.client.conversations.open({ users: delivery.userId });
  const id = opened.channel?.id;
  if (!id) throw new Error("Slack: conversations.open returned no channel id");
  return id;
}
