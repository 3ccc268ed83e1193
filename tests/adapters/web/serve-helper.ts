/** The map page on loopback, served by the real shared HTTP server, for the web adapter's tests. */
import { catalogue } from "../../../commands/index.js";
import { type RunningWebPage, startWebPageServer } from "../../../src/adapters/web/serve.js";
import type { RateLimitPolicy } from "../../../src/core/rate-limit.js";
import { capturedLogger } from "../../helpers/captured-logger.js";
import { shippedCore } from "../../helpers/corpus.js";

export async function serveMapPage(
  rateLimit?: RateLimitPolicy,
): Promise<RunningWebPage & { origin: string }> {
  const running = await startWebPageServer({
    core: shippedCore(),
    catalogue,
    logger: capturedLogger().logger,
    rateLimit,
    host: "127.0.0.1",
    port: 0,
  });
  return { ...running, origin: running.http.url };
}
