/**
 * `npm start`: parse the configuration, load and check the corpus, then start the front ends the
 * configuration asks for — the local console when no chat platform is configured.
 */
import "dotenv/config";
import { catalogue } from "../commands/index.js";
import { runConsole } from "./adapters/console/console.js";
import { startDiscordGateway } from "./adapters/discord/gateway.js";
import {
  createDiscordInteractionsEndpoint,
  DISCORD_INTERACTIONS_PATH,
} from "./adapters/discord/http.js";
import { type RouteHandler, startHttpServer } from "./adapters/http/server.js";
import { createSlackHttpAdapter, startSlackSocketMode } from "./adapters/slack/app.js";
import { createWebPage } from "./adapters/web/routes.js";
import { startWebPageServer } from "./adapters/web/serve.js";
import { type Config, ConfigError, modes, parseConfig, SECRET_KEYS } from "./config.js";
import { type Core, createCore } from "./core/core.js";
import { CorpusError } from "./core/corpus/problems.js";
import { newReference } from "./core/execute.js";
import { createLogger, type Logger } from "./logger.js";

/** Something started that must be stopped on shutdown. */
type Stop = () => Promise<void>;

/** How long answers in flight get to finish after SIGTERM or SIGINT. */
const SHUTDOWN_GRACE_MS = 5_000;
/** The backstop: whatever hangs, the process is gone this long after the signal. */
const SHUTDOWN_DEADLINE_MS = 12_000;

/** What the chat adapters contribute: HTTP routes to serve, and what to stop on shutdown. */
interface Started {
  readonly routes: Record<string, RouteHandler>;
  readonly stops: Stop[];
}

/** Starts the chat front ends the configuration asks for. */
async function startChatAdapters(core: Core, config: Config, logger: Logger): Promise<Started> {
  const routes: Record<string, RouteHandler> = {};
  const stops: Stop[] = [];
  const { discordGateway, discordHttp, slackHttp, slackSocket } = modes(config);
  if (discordGateway && config.discord.token) {
    const discord = await startDiscordGateway({
      token: config.discord.token,
      apiUrl: config.discord.apiUrl,
      core,
      catalogue,
      logger,
      rateLimit: config.rateLimit,
      graceMs: SHUTDOWN_GRACE_MS,
    });
    stops.push(discord.stop);
  }
  if (discordHttp && config.discord.publicKey) {
    const discord = createDiscordInteractionsEndpoint({
      publicKey: config.discord.publicKey,
      applicationId: config.discord.applicationId,
      apiUrl: config.discord.apiUrl,
      core,
      catalogue,
      logger,
      rateLimit: config.rateLimit,
      graceMs: SHUTDOWN_GRACE_MS,
    });
    routes[DISCORD_INTERACTIONS_PATH] = discord.handle;
    stops.push(discord.stop);
  }
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  if (slackHttp && botToken && signingSecret) {
    const slack = await createSlackHttpAdapter({
      core,
      catalogue,
      logger,
      botToken,
      signingSecret,
      apiUrl,
      rateLimit: config.rateLimit,
      shutdownGraceMs: SHUTDOWN_GRACE_MS,
    });
    routes[slack.path] = slack.route;
    stops.push(slack.stop);
  }
  if (slackSocket && botToken && appToken) {
    const slack = await startSlackSocketMode({
      core,
      catalogue,
      logger,
      botToken,
      appToken,
      apiUrl,
      rateLimit: config.rateLimit,
      shutdownGraceMs: SHUTDOWN_GRACE_MS,
    });
    stops.push(slack.stop);
  }
  return { routes, stops };
}

async function main(): Promise<number> {
  const config = parseConfig(process.env);
  const logger = createLogger(
    config.logLevel,
    SECRET_KEYS.map((k) => process.env[k]),
  );
  const core = createCore(config.corpusDir, {
    ...(config.drillSecret ? { stateSecret: config.drillSecret } : {}),
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  });
  const wanted = modes(config);

  if (wanted.console) {
    // The map page is served beside the console; a busy port costs the page, not the console.
    const page = await startWebPageServer({
      core,
      catalogue,
      logger,
      host: config.http.host,
      port: config.http.port,
    }).catch((error: unknown) => {
      process.stdout.write(
        `The argument map page could not start on ${config.http.host}:${config.http.port} (${error instanceof Error ? error.message : String(error)}): set PORT to a free port.\n`,
      );
      return undefined;
    });
    if (page) process.stdout.write(`The argument map as a web page: ${page.pageUrl}\n`);
    await runConsole(core, catalogue, {
      input: process.stdin,
      output: process.stdout,
      color: !!process.stdout.isTTY,
      width: process.stdout.columns ?? 100,
      logger,
    });
    await page?.http.close(500);
    return 0;
  }

  // A bug that escapes every handler is logged with a reference; the others keep being answered.
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason, reference: newReference() }, "unhandled promise rejection");
  });
  // Listening from here on, so a signal during start-up also ends in an orderly stop.
  const signalled = new Promise<string>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });

  const { routes, stops } = await startChatAdapters(core, config, logger);
  // The map page rides on the HTTP server the chat adapters need; gateway and Socket Mode need none.
  const web =
    Object.keys(routes).length > 0 ? createWebPage({ core, catalogue, logger }) : undefined;
  const http = web
    ? await startHttpServer({
        host: config.http.host,
        port: config.http.port,
        routes: { ...routes, ...web.routes },
        notFound: web.notFound,
        logger,
      })
    : undefined;

  const signal = await signalled;
  // Stop accepting before saying so: whoever reads the log line may rely on the port being shut.
  const httpClosed = http?.close(SHUTDOWN_GRACE_MS);
  logger.info({ signal }, "shutting down: finishing in-flight answers");
  const backstop = setTimeout(() => {
    logger.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, "shutdown took too long: exiting anyway");
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS);
  backstop.unref();
  const force = (again: string) => {
    logger.warn({ signal: again }, "second signal: exiting without waiting");
    process.exit(1);
  };
  process.once("SIGTERM", force);
  process.once("SIGINT", force);

  // Requests already being read get their response; then let the answers in flight finish — each adapter bounded by SHUTDOWN_GRACE_MS — and close gateways and sockets.
  if (httpClosed) {
    await httpClosed;
    logger.info("HTTP server closed");
  }
  const results = await Promise.allSettled(stops.map((stop) => stop()));
  for (const result of results)
    if (result.status === "rejected") logger.warn({ err: result.reason }, "error while stopping");
  clearTimeout(backstop);
  logger.info("stopped");
  return 0;
}

main().then(
  (code) => {
    process.exit(code);
  },
  (error: unknown) => {
    const known = error instanceof CorpusError || error instanceof ConfigError;
    process.stderr.write(
      `${known ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
