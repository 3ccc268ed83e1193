/**
 * Requests exactly as Slack sends them: `application/x-www-form-urlencoded` bodies (a slash
 * command's fields, or `payload=<json>` for interactions), signed with v0 HMAC-SHA256 over
 * `v0:{timestamp}:{body}` using the app's signing secret.
 */
import { createHmac } from "node:crypto";
import { FAKE_TEAM_ID } from "./server.js";

export const FAKE_USER = "U0STUDENT";
export const FAKE_CHANNEL = "C0SEMINAR";

export interface SlashCommandFields {
  readonly command: string;
  readonly text: string;
  readonly responseUrl: string;
  readonly userId?: string;
  readonly channelId?: string;
  readonly triggerId?: string;
}

/** A slash command's fields, in the order Slack sends them. */
export function slashCommandPayload(fields: SlashCommandFields): Record<string, string> {
  return {
    token: "deprecated-verification-token",
    team_id: FAKE_TEAM_ID,
    team_domain: "seminar",
    channel_id: fields.channelId ?? FAKE_CHANNEL,
    channel_name: "debate-prep",
    user_id: fields.userId ?? FAKE_USER,
    user_name: "student",
    command: fields.command,
    text: fields.text,
    api_app_id: "A0FAKE",
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? "1337.42.trigger",
  };
}

export function slashCommandBody(fields: SlashCommandFields): string {
  return new URLSearchParams(slashCommandPayload(fields)).toString();
}

export interface ButtonClick {
  readonly actionId: string;
  readonly value: string;
  readonly responseUrl: string;
  readonly triggerId?: string;
  readonly isEphemeral?: boolean;
}

/** A block_actions payload for a click on one of our buttons. */
export function blockActionsPayload(click: ButtonClick): Record<string, unknown> {
  return {
    type: "block_actions",
    user: { id: FAKE_USER, username: "student", name: "student", team_id: FAKE_TEAM_ID },
    api_app_id: "A0FAKE",
    token: "deprecated-verification-token",
    container: {
      type: "message",
      message_ts: "1700000000.000100",
      channel_id: FAKE_CHANNEL,
      is_ephemeral: click.isEphemeral ?? true,
    },
    trigger_id: click.triggerId ?? "2468.13.trigger",
    team: { id: FAKE_TEAM_ID, domain: "seminar" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: FAKE_CHANNEL, name: "debate-prep" },
    state: { values: {} },
    response_url: click.responseUrl,
    actions: [
      {
        action_id: click.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "button", emoji: true },
        value: click.value,
        type: "button",
        action_ts: "1700000001.000200",
      },
    ],
  };
}

/** A view_submission payload for the reply modal with one text input. */
export function viewSubmissionPayload(view: {
  callbackId: string;
  privateMetadata: string;
  blockId: string;
  actionId: string;
  value: string;
}): Record<string, unknown> {
  return {
    type: "view_submission",
    team: { id: FAKE_TEAM_ID, domain: "seminar" },
    user: { id: FAKE_USER, username: "student", name: "student", team_id: FAKE_TEAM_ID },
    api_app_id: "A0FAKE",
    token: "deprecated-verification-token",
    trigger_id: "3579.24.trigger",
    view: {
      id: "V0MODAL",
      team_id: FAKE_TEAM_ID,
      type: "modal",
      callback_id: view.callbackId,
      private_metadata: view.privateMetadata,
      state: {
        values: {
          [view.blockId]: { [view.actionId]: { type: "plain_text_input", value: view.value } },
        },
      },
      hash: "1700000002.abcdef",
      blocks: [],
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** An interaction payload as Slack posts it over HTTP: one form field named `payload`. */
export function interactionBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedPost {
  /** Seconds; now by default. */
  readonly timestamp?: number;
  /** Overrides the computed signature. */
  readonly signature?: string;
  /** Omit the signing headers entirely. */
  readonly unsigned?: boolean;
}

/** What the app answered over HTTP. */
export interface HttpReply {
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
}

/** POSTs a body to the app the way Slack does; resolves with the HTTP status and body. */
export async function postSigned(
  url: string,
  secret: string,
  body: string,
  options: SignedPost = {},
): Promise<HttpReply> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)",
  };
  if (!options.unsigned) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] = options.signature ?? sign(secret, timestamp, body);
  }
  const response = await fetch(url, { method: "POST", headers, body });
  return {
    status: response.status,
    contentType: response.headers.get("content-type"),
    text: await response.text(),
  };
}
