/** The Slack events route served on loopback, as `npm start` serves it, for the e2e tests. */

import { startHttpServer } from "../../../src/adapters/http/server.js";
import { createSlackHttpAdapter, type SlackHttpOptions } from "../../../src/adapters/slack/app.js";

export interface EventsServer {
  /** The full URL of `POST /slack/events`. */
  readonly url: string;
  close(): Promise<void>;
}

export async function serveSlackEvents(options: SlackHttpOptions): Promise<EventsServer> {
  const adapter = await createSlackHttpAdapter(options);
  const http = await startHttpServer({
    host: "127.0.0.1",
    port: 0,
    routes: { [adapter.path]: adapter.route },
    logger: options.logger,
  });
  return {
    url: `${http.url}${adapter.path}`,
    async close() {
      await adapter.stop();
      await http.close(1000);
    },
  };
}
