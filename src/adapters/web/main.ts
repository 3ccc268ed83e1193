/**
 * `npm run web`: the HTTP server with the map page only — no chat tokens needed. Listens on
 * HOST/PORT (127.0.0.1:3000 by default) and prints the page's address on standard output.
 */
import "dotenv/config";
import { catalogue } from "../../../commands/index.js";
import { ConfigError, parseConfig, SECRET_KEYS } from "../../config.js";
import { createCore } from "../../core/core.js";
import { CorpusError } from "../../core/corpus/problems.js";
import { createLogger } from "../../logger.js";
import { startWebPageServer } from "./serve.js";

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const logger = createLogger(
    config.logLevel,
    SECRET_KEYS.map((k) => process.env[k]),
  );
  const core = createCore(config.corpusDir);
  const { http, pageUrl } = await startWebPageServer({
    core,
    catalogue,
    logger,
    rateLimit: config.rateLimit,
    host: config.http.host,
    port: config.http.port,
  });
  process.stdout.write(`The argument map: ${pageUrl}\n`);
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGTERM", () => resolve("SIGTERM"));
    process.once("SIGINT", () => resolve("SIGINT"));
  });
  logger.info({ signal }, "shutting down the web page");
  await http.close(2_000);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const known = error instanceof CorpusError || error instanceof ConfigError;
    const busy = (error as NodeJS.ErrnoException | undefined)?.code === "EADDRINUSE";
    process.stderr.write(
      `${known ? (error as Error).message : busy ? `The port is in use: set PORT to another one (${(error as Error).message}).` : error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
