/**
 * The Slack front end: a real @slack/bolt App, either served over HTTP on the shared server at
 * `POST /slack/events` (signing secret) or connected through Socket Mode (app-level token, no
 * public URL). `apiUrl` points the Web API client — and Socket Mode's apps.connections.open —
 * somewhere other than slack.com (GovSlack, or a local fake in tests).
 */
import { App } from "@slack/bolt";
import { ConfigError } from "../../config.js";
import type { Command } from "../../core/command.js";
import type { Core } from "../../core/core.js";
import { newReference } from "../../core/execute.js";
import { RateLimiter, type RateLimitPolicy } from "../../core/rate-limit.js";
import type { Logger } from "../../logger.js";
import { MAX_BODY_BYTES, type RouteHandler, readBody, sendJson } from "../http/server.js";
import { InFlight } from "../in-flight.js";
import { ANSWER_IN_ACK_WITHIN_MS } from "./ack.js";
import { boltLogger } from "./bolt-logger.js";
import { registerSlashCommands, type SlackContext } from "./commands.js";
import { registerInteractions } from "./interactions.js";
import { RouteReceiver } from "./receiver.js";
import { checkSlackRequest } from "./verify.js";

/** Where Slack posts slash commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = "/slack/events";

interface SlackAdapterOptions {
  readonly core: Core;
  readonly catalogue: readonly Command[];
  readonly logger: Logger;
  /** The bot token (`xoxb-…`). */
  readonly botToken: string;
  /** The Web API base, e.g. `https://slack.com/api/`; Slack's own when undefined. */
  readonly apiUrl?: string | undefined;
  /** Per-user and per-channel limits (RATE_LIMIT_*); none when undefined. */
  readonly rateLimit?: RateLimitPolicy | undefined;
  /** How long `stop()` waits for answers still being prepared. */
  readonly shutdownGraceMs?: number;
  /** How long a slash command's answer may take and still go in the ack (tests shorten it). */
  readonly answerInAckWithinMs?: number;
}

export interface SlackHttpOptions extends SlackAdapterOptions {
  readonly signingSecret: string;
  /** Requests larger than this are refused before they are read or verified. */
  readonly maxBodyBytes?: number;
  /** Seconds since the epoch; injectable so tests can check the timestamp window. */
  readonly now?: () => number;
}

export interface SlackSocketOptions extends SlackAdapterOptions {
  /** The app-level token (`xapp-…`) with the `connections:write` scope. */
  readonly appToken: string;
}

export interface SlackAdapter {
  readonly app: App;
  /** Lets in-flight answers finish (bounded), then disconnects. */
  stop(): Promise<void>;
}

export interface SlackHttpAdapter extends SlackAdapter {
  readonly path: typeof SLACK_EVENTS_PATH;
  /** The route for the shared HTTP server. */
  readonly route: RouteHandler;
}

/** Thrown when Slack refuses the app's tokens at start-up: a setting to fix. */
export class SlackStartError extends ConfigError {
  override readonly name = "SlackStartError";
}

/**
 * The Slack app in HTTP mode; mount `route` at `path` on the shared server. Resolves once Slack
 * accepted the bot token (auth.test), so a wrong token stops the start, not the first student.
 */
export async function createSlackHttpAdapter(options: SlackHttpOptions): Promise<SlackHttpAdapter> {
  const log = boltLogger(options.logger);
  const receiver = new RouteReceiver(log);
  const app = await createApp(options, log, { receiver });
  const inFlight = wire(app, options);
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const now = options.now ?? (() => Date.now() / 1000);

  const route: RouteHandler = async (request, response) => {
    if (request.method !== "POST") {
      response.setHeader("allow", "POST");
      sendJson(response, 405, { error: "use POST" });
      return;
    }
    const body = await readBody(request, maxBodyBytes);
    // Checked here rather than by Bolt, which accepts timestamps from the future.
    const check = checkSlackRequest(options.signingSecret, request.headers, body, now());
    if (!check.ok) {
      options.logger.warn({ reason: check.reason, platform: "slack" }, "Slack request refused");
      sendJson(response, 401, { error: "invalid Slack signature or timestamp" });
      return;
    }
    await receiver.handle(request, response, body);
  };

  return {
    app,
    path: SLACK_EVENTS_PATH,
    route,
    stop: () => inFlight.drain(options.shutdownGraceMs),
  };
}

/** The Slack app in Socket Mode, connected; resolves once Slack said hello. */
export async function startSlackSocketMode(options: SlackSocketOptions): Promise<SlackAdapter> {
  const log = boltLogger(options.logger);
  const app = await createApp(options, log, { appToken: options.appToken, socketMode: true });
  const inFlight = wire(app, options);
  try {
    await app.start();
  } catch (error) {
    throw new SlackStartError(
      `Slack: could not open the Socket Mode connection (${slackErrorCode(error)}); check SLACK_APP_TOKEN (an xapp- token with connections:write) and that Socket Mode is enabled for the app`,
      { cause: error },
    );
  }
  options.logger.info({ platform: "slack" }, "Slack Socket Mode connected");
  return {
    app,
    stop: async () => {
      await inFlight.drain(options.shutdownGraceMs);
      await app.stop();
    },
  };
}

/**
 * The Bolt app for either mode (`transport`: a receiver, or Socket Mode's token), its bot token
 * checked with auth.test before anything is served.
 */
async function createApp(
  options: SlackAdapterOptions,
  logger: ReturnType<typeof boltLogger>,
  transport: { receiver: RouteReceiver } | { appToken: string; socketMode: true },
): Promise<App> {
  const app = new App({
    token: options.botToken,
    ...transport,
    logger,
    clientOptions: clientOptions(options.apiUrl),
    deferInitialization: true,
    // We keep no conversation state; Bolt's store would cost a lookup per request.
    convoStore: false,
  });
  try {
    await app.init();
  } catch (error) {
    const where = options.apiUrl ? ` at ${options.apiUrl} (SLACK_API_URL)` : "";
    throw new SlackStartError(
      `Slack: auth.test${where} refused the bot token (${slackErrorCode(error)}); check SLACK_BOT_TOKEN`,
      { cause: error },
    );
  }
  return app;
}

/** Slack's error code (e.g. `invalid_auth`), or the error's message. */
function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  if (typeof data?.error === "string") return data.error;
  return error instanceof Error ? error.message : String(error);
}

function wire(app: App, options: SlackAdapterOptions): InFlight {
  const context: SlackContext = {
    core: options.core,
    catalogue: options.catalogue,
    logger: options.logger,
    inFlight: new InFlight(),
    rateLimiter: options.rateLimit && new RateLimiter(options.rateLimit),
    answerInAckWithinMs: options.answerInAckWithinMs ?? ANSWER_IN_ACK_WITHIN_MS,
  };
  registerSlashCommands(app, context);
  registerInteractions(app, context);
  // Listeners catch their own failures; this is the last net for anything in Bolt's middleware.
  app.error(async (error) => {
    options.logger.error(
      { err: error, reference: newReference(), platform: "slack" },
      "Slack: unhandled error in Bolt",
    );
  });
  return context.inFlight;
}

/** Web API client settings: our base URL, a timeout, and few retries (a student is waiting). */
function clientOptions(apiUrl: string | undefined) {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {}),
    timeout: 15_000,
    retryConfig: { retries: 2 },
  };
}
