/**
 * Bolt's receiver in HTTP mode, as a route of the shared HTTP server. The route has already read
 * the body and checked its v0 signature and timestamp (verify.ts, stricter than Bolt's own check:
 * it refuses future timestamps too), so the receiver parses the body once and hands it to Bolt
 * with Bolt's own HTTP ack (the ack body becomes the HTTP response; an event no listener acks
 * gets Bolt's 404 after 3 s) — no Express app, and no second read or signature check per request.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type App,
  HTTPModuleFunctions,
  HTTPResponseAck,
  type Logger,
  type Receiver,
} from "@slack/bolt";
import { sendJson } from "../http/server.js";

/** What Slack POSTs: a slash command's fields, an interaction's `payload`, or an event (JSON). */
type SlackBody = Record<string, unknown>;

/** The body as Bolt reads it, or undefined if it is neither form-encoded nor JSON. */
function parseSlackBody(contentType: string | undefined, raw: Buffer): SlackBody | undefined {
  const text = raw.toString("utf8");
  try {
    if (contentType?.split(";")[0]?.trim() === "application/x-www-form-urlencoded") {
      const fields = Object.fromEntries(new URLSearchParams(text));
      return typeof fields.payload === "string"
        ? (JSON.parse(fields.payload) as SlackBody)
        : fields;
    }
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as SlackBody)
      : undefined;
  } catch {
    return undefined;
  }
}

export class RouteReceiver implements Receiver {
  #app: App | undefined;

  constructor(private readonly logger: Logger) {}

  init(app: App): void {
    this.#app = app;
  }

  /** Nothing to start or stop: the shared HTTP server listens. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** Serves one request whose body was read and verified by the caller. */
  async handle(request: IncomingMessage, response: ServerResponse, raw: Buffer): Promise<void> {
    const body = parseSlackBody(request.headers["content-type"], raw);
    if (!body) {
      sendJson(response, 400, { error: "the body is neither form-encoded nor JSON" });
      return;
    }
    // Slack's certificate check and the Events API's URL check need no listener.
    if (body.ssl_check === "1") {
      HTTPModuleFunctions.buildSSLCheckResponse(response);
      return;
    }
    if (body.type === "url_verification") {
      HTTPModuleFunctions.buildUrlVerificationResponse(response, body);
      return;
    }
    const ack = new HTTPResponseAck({
      logger: this.logger,
      processBeforeResponse: false,
      httpRequest: request,
      httpRequestBody: body,
      httpResponse: response,
    });
    const retryNum = HTTPModuleFunctions.extractRetryNumFromHTTPRequest(request);
    const retryReason = HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(request);
    try {
      await this.#app?.processEvent({
        body,
        ack: ack.bind(),
        ...(retryNum === undefined ? {} : { retryNum }),
        ...(retryReason === undefined ? {} : { retryReason }),
      });
    } catch (error) {
      const acknowledged = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: error as Error,
        logger: this.logger,
        request,
        response,
        storedResponse: undefined,
      });
      if (acknowledged) ack.ack();
    }
  }
}
