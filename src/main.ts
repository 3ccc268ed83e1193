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
import { type Config, ConfigError, modes, parseConfig, SECRET_KEYS } from "./config.js";
import { type Core, createCore } from "./core/core.js";
import { CorpusError } from "./core/corpus/problems.js";
import { createLogger, type Logger } from "./logger.js";

/** Something started that must be stopped on shutdown. */
type Stop = () => Promise<void>;

/** What the chat adapters contribute: HTTP routes to serve, and what to stop on shutdown. */
interface Started {
  readonly routes: Record<string, RouteHandler>;
  readonly stops: Stop[];
}

/** Starts the chat front ends the configuration asks for. */
async function startChatAdapters(core: Core, config: Config, logger: Logger): Promise<Started> {
  const routes: Record<string, RouteHandler> = {};
  const stops: Stop[] = [];
  // Adapters register here: see src/adapters/discord and src/adapters/slack.
  const { discordGateway, discordHttp } = modes(config);
  if (discordGateway && config.discord.token) {
    const discord = await startDiscordGateway({
      token: config.discord.token,
      apiUrl: config.discord.apiUrl,
      core,
      catalogue,
      logger,
    });
    stops.push(discord.stop);
  }
  if (discordHttp && config.discord.publicKey) {
    const discord = createDiscordInteractionsEndpoint({
      publicKey: config.discord.publicKey,
      apiUrl: config.discord.apiUrl,
      core,
      catalogue,
      logger,
    });
    routes[DISCORD_INTERACTIONS_PATH] = discord.handle;
    stops.push(discord.stop);
  }
  const { slackHttp, slackSocket } = modes(config);
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
  const core = createCore(
    config.corpusDir,
    config.drillSecret ? { stateSecret: config.drillSecret } : {},
  );
  const wanted = modes(config);

  if (wanted.console) {
    await runConsole(core, catalogue, {
      input: process.stdin,
      output: process.stdout,
      color: !!process.stdout.isTTY,
      width: process.stdout.columns ?? 100,
      logger,
    });
    return 0;
  }

  const { routes, stops } = await startChatAdapters(core, config, logger);
  if (Object.keys(routes).length > 0) {
    const http = await startHttpServer({
      host: config.http.host,
      port: config.http.port,
      routes,
      logger,
    });
    stops.unshift(() => http.close());
  }
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, "shutting down: finishing in-flight answers");
      resolve();
    };
    process.once("SIGTERM", shutdown);
    process.once("SIGINT", shutdown);
  });
  // Stop accepting first, then let in-flight work finish and close gateways and sockets.
  for (const stop of stops)
    await stop().catch((error: unknown) => logger.warn({ err: error }, "error while stopping"));
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
