/**
 * `npm start`: parse the configuration, load and check the corpus, then start the front ends the
 * configuration asks for — the local console when no chat platform is configured.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import "dotenv/config";
import { catalogue } from "../commands/index.js";
import { runConsole } from "./adapters/console/console.js";
import type { RouteHandler } from "./adapters/http/server.js";
import { fileYamlStore } from "./adapters/yaml-cache.js";
import { type Config, ConfigError, modes, parseConfig, SECRET_KEYS } from "./config.js";
import { type Core, createCore } from "./core/core.js";
import { useParsedYamlStore } from "./core/corpus/parse-yaml.js";
import { CorpusError } from "./core/corpus/problems.js";
import { newReference } from "./core/execute.js";
import { createLogger, type Logger } from "./logger.js";

/** Something started that must be stopped on shutdown. */
type Stop = () => Promise<void>;

/** The console's folder for files from answers, when `--out` does not name one. */
const DEFAULT_OUT_DIR = "debate-files";
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
  // What every chat adapter takes, whichever platform and mode.
  const shared = {
    core,
    catalogue,
    logger,
    rateLimit: config.rateLimit,
    shutdownGraceMs: SHUTDOWN_GRACE_MS,
  };
  // Each platform's SDK is loaded only when it is used: the console starts without them.
  if (discordGateway && config.discord.token) {
    const { startDiscordGateway } = await import("./adapters/discord/gateway.js");
    const discord = await startDiscordGateway({
      token: config.discord.token,
      apiUrl: config.discord.apiUrl,
      ...shared,
    });
    stops.push(discord.stop);
  }
  if (discordHttp && config.discord.publicKey) {
    const { createDiscordInteractionsEndpoint, DISCORD_INTERACTIONS_PATH } = await import(
      "./adapters/discord/http.js"
    );
    const discord = createDiscordInteractionsEndpoint({
      publicKey: config.discord.publicKey,
      applicationId: config.discord.applicationId,
      apiUrl: config.discord.apiUrl,
      ...shared,
    });
    routes[DISCORD_INTERACTIONS_PATH] = discord.handle;
    stops.push(discord.stop);
  }
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  if (slackHttp && botToken && signingSecret) {
    const { createSlackHttpAdapter } = await import("./adapters/slack/app.js");
    const slack = await createSlackHttpAdapter({
      ...shared,
      botToken,
      signingSecret,
      apiUrl,
    });
    routes[slack.path] = slack.route;
    stops.push(slack.stop);
  }
  if (slackSocket && botToken && appToken) {
    const { startSlackSocketMode } = await import("./adapters/slack/app.js");
    const slack = await startSlackSocketMode({
      ...shared,
      botToken,
      appToken,
      apiUrl,
    });
    stops.push(slack.stop);
  }
  return { routes, stops };
}

/** Starts the HTTP server; a port that cannot be had is a setting to fix, named as such. */
async function listen(
  config: Config,
  routes: Record<string, RouteHandler>,
  logger: Logger,
  notFound?: RouteHandler,
) {
  const { host, port } = config.http;
  const { startHttpServer } = await import("./adapters/http/server.js");
  try {
    return await startHttpServer({ host, port, routes, logger, ...(notFound ? { notFound } : {}) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE")
      throw new ConfigError(
        `Configuration: PORT ${port} on ${host} is already in use; stop whatever uses it or set PORT to a free port (in the environment or .env).`,
      );
    if (code === "EACCES")
      throw new ConfigError(
        `Configuration: PORT ${port} needs privileges this process does not have; set PORT to a number above 1023 (in the environment or .env).`,
      );
    if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
      throw new ConfigError(
        `Configuration: HOST ${host} is not an address of this machine; set HOST (in the environment or .env), e.g. 127.0.0.1.`,
      );
    throw error;
  }
}

/** Where the console saves files from answers: `--out <folder>`, else ./debate-files. */
function consoleOutDir(argv: readonly string[]): string {
  let values: { out?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { out: { type: "string" } } }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      `npm start: ${reason}; the only option is --out <folder> (where the console saves maps and exports).`,
    );
  }
  // npm runs scripts in the package root; a relative folder means the caller's directory.
  return resolve(process.env.INIT_CWD || ".", values.out ?? DEFAULT_OUT_DIR);
}

async function main(): Promise<number> {
  const outDir = consoleOutDir(process.argv.slice(2));
  const config = parseConfig(process.env);
  useParsedYamlStore(fileYamlStore());
  const logger = createLogger(
    config.logLevel,
    SECRET_KEYS.map((k) => process.env[k]),
  );
  const core = createCore(config.corpusDir, {
    ...(config.drillSecret ? { drillSecret: config.drillSecret } : {}),
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
  });
  const wanted = modes(config);

  if (wanted.console) {
    // The map page is served beside the console; a busy port costs the page, not the console.
    const { startWebPageServer } = await import("./adapters/web/serve.js");
    const page = await startWebPageServer({
      core,
      catalogue,
      logger,
      rateLimit: config.rateLimit,
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
      outDir,
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
    Object.keys(routes).length > 0
      ? (await import("./adapters/web/routes.js")).createWebPage({
          core,
          catalogue,
          logger,
          rateLimit: config.rateLimit,
        })
      : undefined;
  const http = web
    ? await listen(config, { ...routes, ...web.routes }, logger, web.notFound)
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
    // A setting to fix or a corpus to correct is one message; anything else is a bug, with its stack.
    const known = error instanceof CorpusError || error instanceof ConfigError;
    process.stderr.write(
      `${known ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
