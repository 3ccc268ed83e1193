/**
 * Serving the page on its own (`npm run web`, and beside the console of `npm start`): the shared
 * HTTP server with the page's routes only.
 */
import { type RunningHttpServer, startHttpServer } from "../http/server.js";
import { MAP_PATH } from "./page.js";
import { createWebPage, type WebPageOptions } from "./routes.js";

export interface WebServerOptions extends WebPageOptions {
  readonly host: string;
  readonly port: number;
}

export interface RunningWebPage {
  readonly http: RunningHttpServer;
  /** e.g. `http://127.0.0.1:3000/map` */
  readonly pageUrl: string;
}

export async function startWebPageServer(options: WebServerOptions): Promise<RunningWebPage> {
  const web = createWebPage(options);
  const http = await startHttpServer({
    host: options.host,
    port: options.port,
    routes: web.routes,
    notFound: web.notFound,
    logger: options.logger,
  });
  return { http, pageUrl: `${http.url}${MAP_PATH}` };
}
