/**
 * The web adapter: the argument map as a page, served by the bot's own HTTP server beside
 * `/healthz` and the chat routes. It translates requests into the core's calls and renders what
 * comes back; which nodes, quotes and search hits to show is the core's business.
 *
 * - `GET /map?reading=&focus=&depth=`: the page ({@link mapPage} decides what it shows);
 * - `GET /map/search?q=&page=`: the catalogue's `search` command, its Answer as JSON;
 * - `GET /map/assets/…`: the page's own script, stylesheet, icon and fonts.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Command } from "../../core/command.js";
import type { Core } from "../../core/core.js";
import { executeCommand, newReference } from "../../core/execute.js";
import { shorten } from "../../core/input.js";
import { mapPage } from "../../core/map/page.js";
import { OVER_LIMIT_MESSAGE, RateLimiter, type RateLimitPolicy } from "../../core/rate-limit.js";
import type { Logger } from "../../logger.js";
import { answerToJson } from "../cli/json.js";
import type { RouteHandler } from "../http/server.js";
import { loadAssets } from "./assets.js";
import { html } from "./html.js";
import { MAP_PATH, mapHref, renderMapPage, renderMessagePage, SEARCH_PATH } from "./page.js";
import { parseMapQuery, parseSearchQuery } from "./query.js";
import { SECURITY_HEADERS, send, sendHtml, sendJsonBody } from "./respond.js";
import { MapPictures } from "./svg.js";

export interface WebPageOptions {
  readonly core: Core;
  readonly catalogue: readonly Command[];
  readonly logger: Logger;
  /**
   * The chat adapters' budget, applied to searches from the page per client address. A class
   * behind one address shares it, so an address gets a channel's budget (see {@link webBudget}).
   */
  readonly rateLimit?: RateLimitPolicy | undefined;
}

export interface WebPage {
  /** Exact paths for the shared HTTP server. */
  readonly routes: Readonly<Record<string, RouteHandler>>;
  /** For every other path: a 404 page. */
  readonly notFound: RouteHandler;
}

const ALLOWED = "GET, HEAD";

/**
 * A seminar room reaches the page from one address (the university's), so an address may search
 * as often as a chat channel: a student's budget times the channel multiplier.
 */
export function webBudget(policy: RateLimitPolicy): RateLimitPolicy {
  const { channelMultiplier = DEFAULT_CHANNEL_MULTIPLIER, ...rest } = policy;
  return { ...rest, perMinute: policy.perMinute * channelMultiplier };
}

const DEFAULT_CHANNEL_MULTIPLIER = 5;

function queryOf(request: IncomingMessage): URLSearchParams {
  // The URL is parsed against a placeholder origin: only its path and query are read.
  return new URL(request.url ?? "/", "http://localhost").searchParams;
}

/**
 * Only GET and HEAD (anything else is told which methods the path takes), and a failure on our
 * side is a page with a reference code, the cause logged beside it.
 */
function readOnly(handler: RouteHandler, logger: Logger): RouteHandler {
  return async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      const page = renderMessagePage("Method not allowed", [
        `${shorten(request.method ?? "This method", 20)} is not used here: the page is read with GET.`,
      ]);
      send(response, 405, "text/html; charset=utf-8", page, { allow: ALLOWED });
      return;
    }
    try {
      await handler(request, response);
    } catch (error) {
      const reference = newReference();
      logger.error({ err: error, reference, path: request.url }, "web page failed");
      if (response.headersSent) return void response.end();
      sendHtml(
        response,
        500,
        renderMessagePage("Something went wrong on our side", [
          `Please try again; if it keeps failing, tell your tutor the reference ${reference}.`,
        ]),
      );
    }
  };
}

export function createWebPage(options: WebPageOptions): WebPage {
  const { core, catalogue, logger } = options;
  const search = catalogue.find((c) => c.name === "search");
  if (!search) throw new Error("web: the catalogue has no search command");
  const pictures = new MapPictures((node) => mapHref({ reading: node.documentId, focus: node.id }));
  const assets = loadAssets();

  const badRequest = (response: ServerResponse, problem: string) =>
    sendHtml(response, 400, renderMessagePage("That address does not fit", [problem]));

  const showMap: RouteHandler = async (request, response) => {
    const parsed = parseMapQuery(queryOf(request));
    if (!parsed.ok) return badRequest(response, parsed.problem);
    const outcome = mapPage(core, parsed.value);
    if (outcome.kind === "unknown-reading") {
      sendHtml(
        response,
        404,
        renderMessagePage(
          "No such reading",
          [
            html`There is no reading “<span class="user-text">${outcome.input}</span>”. Did you mean one of these?`,
          ],
          outcome.suggestions.map((r) => ({ href: mapHref({ reading: r.id }), text: r.title })),
        ),
      );
      return;
    }
    const { page } = outcome;
    const svg = await pictures.picture(page.view, page.description);
    sendHtml(response, page.unknownFocus ? 404 : 200, renderMapPage(page, svg));
  };

  const limiter = options.rateLimit && new RateLimiter(webBudget(options.rateLimit));
  const runSearch: RouteHandler = async (request, response) => {
    const parsed = parseSearchQuery(queryOf(request));
    if (!parsed.ok) return sendJsonBody(response, 400, { error: parsed.problem });
    const refused = limiter?.refuse(
      { userId: request.socket.remoteAddress ?? "unknown" },
      "search",
    );
    if (refused) {
      logger.info({ path: SEARCH_PATH }, OVER_LIMIT_MESSAGE);
      const { title, notes } = refused.answer;
      sendJsonBody(
        response,
        429,
        { error: [title, ...notes].join(". ") },
        {
          "retry-after": String(refused.retryAfterSeconds),
        },
      );
      return;
    }
    const answer = await executeCommand(
      core,
      search,
      { query: parsed.value.query, page: parsed.value.page },
      {
        onError: (error, reference) =>
          logger.error({ err: error, reference, command: "search" }, "web search failed"),
      },
    );
    const status = answer.status === "invalid-input" ? 400 : answer.status === "error" ? 500 : 200;
    sendJsonBody(response, status, answerToJson(answer));
  };

  const routes: Record<string, RouteHandler> = {
    [MAP_PATH]: readOnly(showMap, logger),
    [SEARCH_PATH]: readOnly(runSearch, logger),
  };
  // Assets are checked again on every load (they change with the bot), cheaply: by their ETag.
  for (const [path, asset] of assets)
    routes[path] = readOnly((request, response) => {
      const headers = { "cache-control": "no-cache", etag: asset.etag };
      if (request.headers["if-none-match"] === asset.etag) {
        response.writeHead(304, { ...SECURITY_HEADERS, ...headers });
        response.end();
        return;
      }
      send(response, 200, asset.contentType, asset.body, headers);
    }, logger);

  const notFound: RouteHandler = (request, response) => {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    sendHtml(
      response,
      404,
      renderMessagePage("Page not found", [
        html`Nothing is served at <code>${path.slice(0, 200)}</code>. The argument map is at <a href="${MAP_PATH}">${MAP_PATH}</a>.`,
      ]),
    );
  };
  return { routes, notFound };
}
