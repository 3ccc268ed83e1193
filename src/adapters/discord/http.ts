/**
 * HTTP interactions mode: Discord POSTs each interaction to `/discord/interactions` on the shared
 * HTTP server, so no gateway connection is needed and any instance behind a load balancer (or a
 * serverless function) can answer. Every request is signature-checked on its raw bytes before
 * anything parses it. The first response goes back in the HTTP response; deferred answers and
 * extra pages go to Discord's REST API (`DISCORD_API_URL`) through discord.js's REST client, which
 * also handles 429s and 5xx retries.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { InteractionResponseType, type RawFile, REST, Routes } from "discord.js";
import type { Command } from "../../core/command.js";
import type { Core } from "../../core/core.js";
import { RateLimiter, type RateLimitPolicy } from "../../core/rate-limit.js";
import type { Logger } from "../../logger.js";
import { BodyTooLargeError, type RouteHandler, readBody, sendJson } from "../http/server.js";
import { InFlight } from "../in-flight.js";
import { type DiscordMessage, toApiBody } from "./message.js";
import { parseInteractionPayload } from "./payload.js";
import { requesterOf } from "./rate-limit.js";
import { respondToInteraction, type Transport } from "./respond.js";
import { checkSignature, ed25519PublicKey } from "./verify.js";

export const DISCORD_INTERACTIONS_PATH = "/discord/interactions";

/** Discord's interaction bodies are a few kilobytes; anything this large is not from Discord. */
export const MAX_INTERACTION_BYTES = 64 * 1024;

/**
 * discord.js's own pacing of this endpoint's REST calls: high enough never to apply, since
 * "interaction endpoints are not bound to the bot's Global Rate Limit" (Discord's rate-limit docs).
 */
const INTERACTION_REQUESTS_PER_SECOND = 10_000;

/** How long Discord accepts follow-ups with an interaction's token. */
const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60 * 1000;

export interface DiscordHttpOptions {
  /** The application's Ed25519 public key, 64 hex characters. */
  readonly publicKey: string;
  /**
   * The application's id (DISCORD_APPLICATION_ID). When given, a signed interaction addressed to
   * another application is refused: the key and the id were copied from different applications.
   */
  readonly applicationId?: string | undefined;
  /** The REST API base for follow-ups (default Discord's, `https://discord.com/api`). */
  readonly apiUrl?: string | undefined;
  readonly core: Core;
  readonly catalogue: readonly Command[];
  readonly logger: Logger;
  /** See {@link deliverAnswer}; tests shorten it. */
  readonly deferAfterMs?: number;
  /** The clock for the timestamp check, in milliseconds (tests pin it). */
  readonly now?: () => number;
  /** How long `stop()` waits for follow-ups in flight. */
  readonly shutdownGraceMs?: number;
  /** Per-user and per-channel limits (RATE_LIMIT_*); none when undefined. */
  readonly rateLimit?: RateLimitPolicy | undefined;
}

export interface DiscordHttpEndpoint {
  /** The handler for {@link DISCORD_INTERACTIONS_PATH} on the shared HTTP server. */
  readonly handle: RouteHandler;
  /** Waits for deferred answers and follow-ups still being sent (at most `shutdownGraceMs`). */
  stop(): Promise<void>;
}

export function createDiscordInteractionsEndpoint(
  options: DiscordHttpOptions,
): DiscordHttpEndpoint {
  const key = ed25519PublicKey(options.publicKey);
  const logger = options.logger.child({ adapter: "discord-http" });
  const rest = new REST({
    ...(options.apiUrl ? { api: options.apiUrl } : {}),
    // This client only calls interaction endpoints (follow-ups, edits of the original), which
    // Discord exempts from the bot's global limit of 50 requests a second; discord.js would pace
    // them at that rate for the whole app. Per-route limits and 429s are still honoured.
    globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND,
    // discord.js keeps a queue per interaction token until its sweep; the tokens die after
    // 15 minutes, so sweeping hourly (the default) kept four times as many dead queues.
    handlerSweepInterval: INTERACTION_TOKEN_LIFETIME_MS,
  });
  rest.on("rateLimited", (info) =>
    logger.warn(
      { route: info.route, retryAfter: info.retryAfter },
      "Discord rate limit: discord.js waits and retries",
    ),
  );
  const now = options.now ?? Date.now;
  const inFlight = new InFlight();
  const limiter = options.rateLimit && new RateLimiter(options.rateLimit);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== "POST") {
      response.setHeader("allow", "POST");
      sendJson(response, 405, { error: "method not allowed: Discord POSTs interactions" });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(request, MAX_INTERACTION_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      logger.warn({ limit: MAX_INTERACTION_BYTES }, "rejected an oversized interaction request");
      request.resume();
      sendJson(response, 413, { error: `body over ${MAX_INTERACTION_BYTES} bytes` });
      return;
    }
    const check = checkSignature(
      key,
      header(request, "x-signature-ed25519"),
      header(request, "x-signature-timestamp"),
      body,
      now(),
    );
    if (!check.ok) {
      logger.warn(
        { reason: check.reason },
        "rejected an interaction request: signature check failed",
      );
      sendJson(response, 401, { error: `invalid request signature (${check.reason})` });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch {
      sendJson(response, 400, { error: "body is not JSON" });
      return;
    }
    const parsed = parseInteractionPayload(json);
    if (!parsed.ok) {
      logger.warn({ problem: parsed.problem }, "rejected a signed but malformed interaction");
      sendJson(response, 400, { error: "not an interaction this endpoint understands" });
      return;
    }
    if (
      options.applicationId !== undefined &&
      parsed.request.kind !== "ping" &&
      parsed.applicationId !== options.applicationId
    ) {
      logger.error(
        { interaction: parsed.id, applicationId: parsed.applicationId },
        "refused a signed interaction for another application: check that DISCORD_APPLICATION_ID and DISCORD_PUBLIC_KEY come from the same application",
      );
      sendJson(response, 403, { error: "interaction for another application" });
      return;
    }
    const log = logger.child({ interaction: parsed.id, kind: parsed.request.kind });
    const webhook = { rest, applicationId: parsed.applicationId, token: parsed.token };
    let responded!: () => void;
    const firstResponse = new Promise<void>((resolve) => {
      responded = resolve;
    });
    const respond = (status: number, body: unknown) => {
      sendJson(response, status, body);
      responded();
    };
    const transport: Transport = {
      pong: async () => respond(200, { type: InteractionResponseType.Pong }),
      choices: async (choices) =>
        respond(200, {
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices },
        }),
      modal: async (modal) => respond(200, { type: InteractionResponseType.Modal, data: modal }),
      responder: {
        reply: async (message) => {
          await sendMessageResponse(response, message);
          responded();
        },
        defer: async (ephemeral) =>
          respond(200, {
            type: InteractionResponseType.DeferredChannelMessageWithSource,
            data: ephemeral ? { flags: 64 } : {},
          }),
        editOriginal: (message) => sendWebhook(webhook, "patch", message),
        deleteOriginal: async () => {
          await rest.delete(Routes.webhookMessage(webhook.applicationId, webhook.token), {
            auth: false,
          });
        },
        followUp: (message) => sendWebhook(webhook, "post", message),
      },
      // Part of the answer (or "thinking…") may already show: then the error follows it.
      fail: (message) =>
        response.headersSent
          ? sendWebhook(webhook, "post", message)
          : sendMessageResponse(response, message),
    };
    void inFlight.run(() =>
      respondToInteraction(
        {
          core: options.core,
          catalogue: options.catalogue,
          logger: log,
          limiter,
          deferAfterMs: options.deferAfterMs,
        },
        parsed.request,
        requesterOf(json),
        transport,
      ).finally(responded),
    );
    // The HTTP exchange ends with the first response; edits and follow-ups continue after it.
    await firstResponse;
  };

  return {
    handle,
    stop: async () => {
      await inFlight.drain(options.shutdownGraceMs);
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

function rawFiles(message: DiscordMessage): RawFile[] {
  return message.files.map((file) => ({
    name: file.filename,
    data: Buffer.from(file.data),
    contentType: file.contentType,
  }));
}

/** A CHANNEL_MESSAGE_WITH_SOURCE response: JSON, or multipart/form-data when files come along. */
async function sendMessageResponse(
  response: ServerResponse,
  message: DiscordMessage,
): Promise<void> {
  const body = { type: InteractionResponseType.ChannelMessageWithSource, data: toApiBody(message) };
  if (message.files.length === 0) {
    sendJson(response, 200, body);
    return;
  }
  const form = new FormData();
  form.append("payload_json", JSON.stringify(body));
  message.files.forEach((file, index) => {
    form.append(
      `files[${index}]`,
      new Blob([Buffer.from(file.data)], { type: file.contentType }),
      file.filename,
    );
  });
  const encoded = new Response(form);
  const bytes = Buffer.from(await encoded.arrayBuffer());
  response.writeHead(200, {
    "content-type": encoded.headers.get("content-type") ?? "multipart/form-data",
    "content-length": bytes.length,
  });
  response.end(bytes);
}

async function sendWebhook(
  webhook: { rest: REST; applicationId: string; token: string },
  method: "patch" | "post",
  message: DiscordMessage,
): Promise<void> {
  const route =
    method === "patch"
      ? Routes.webhookMessage(webhook.applicationId, webhook.token)
      : Routes.webhook(webhook.applicationId, webhook.token);
  await webhook.rest[method](route, {
    body: toApiBody(message),
    files: rawFiles(message),
    auth: false,
  });
}
