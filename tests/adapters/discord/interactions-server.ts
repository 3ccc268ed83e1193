/** The HTTP interactions endpoint served on loopback, as `npm start` serves it, for the e2e tests. */
import {
  createDiscordInteractionsEndpoint,
  DISCORD_INTERACTIONS_PATH,
  type DiscordHttpOptions,
} from "../../../src/adapters/discord/http.js";
import { startHttpServer } from "../../../src/adapters/http/server.js";

export interface InteractionsServer {
  /** The full URL of `POST /discord/interactions`. */
  readonly url: string;
  close(): Promise<void>;
}

export async function serveInteractions(options: DiscordHttpOptions): Promise<InteractionsServer> {
  const endpoint = createDiscordInteractionsEndpoint(options);
  const server = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    routes: { [DISCORD_INTERACTIONS_PATH]: endpoint.handle },
    logger: options.logger,
  });
  return {
    url: `${server.url}${DISCORD_INTERACTIONS_PATH}`,
    async close() {
      await server.close();
      await endpoint.stop();
    },
  };
}
