/**
 * `npm run web:screenshot`: the picture of the map page in the README. Serves the page on
 * loopback, opens it in Debian's Chromium (playwright-core), chooses a point, runs a search and
 * saves docs/images/map-page.png.
 */
import { join } from "node:path";
import { catalogue } from "../commands/index.js";
import { startWebPageServer } from "../src/adapters/web/serve.js";
import { createCore } from "../src/core/core.js";
import { defaultCorpusRoot, projectRoot } from "../src/core/paths.js";
import { createLogger } from "../src/logger.js";
import { launchChromium } from "./chromium.js";

async function main(): Promise<void> {
  const core = createCore(defaultCorpusRoot());
  const web = await startWebPageServer({
    core,
    catalogue,
    logger: createLogger("warn"),
    host: "127.0.0.1",
    port: 0,
  });
  const browser = await launchChromium({ width: 1440, height: 900 });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${web.pageUrl}?focus=coalition`, { waitUntil: "networkidle" });
    await page.fill("#search-input", "Is the JEF legally binding?");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#map-svg g.node.match");
    await page.click('g[id="node:anisova-2023-no-need-to-wait/coal-like-minded"] a');
    await page.evaluate("window.scrollTo(0, 0)");
    const file = join(projectRoot(), "docs", "images", "map-page.png");
    await page.screenshot({ path: file });
    process.stdout.write(`saved ${file}\n`);
  } finally {
    await browser.close();
    await web.http.close(500);
  }
}

await main();
