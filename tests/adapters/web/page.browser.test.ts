/**
 * The map page in a real browser (Debian's Chromium through playwright-core), served by the real
 * HTTP server on loopback: it loads cleanly under its CSP and offline, a node opens its panel by
 * mouse and by keyboard, the search box outlines the right nodes, hostile input stays text, axe
 * finds no serious accessibility problem, and it reads on a phone and prints on one page.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, launchChromium } from "../../../scripts/chromium.js";
import type { MapNode } from "../../../src/core/corpus/model.js";
import { mapPage } from "../../../src/core/map/page.js";
import { SHIPPED_DOC, shippedCore } from "../../helpers/corpus.js";
import { run } from "../../helpers/run.js";
import { serveMapPage } from "./serve-helper.js";

const core = shippedCore();
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

let server: Awaited<ReturnType<typeof serveMapPage>>;
let browser: Browser;
beforeAll(async () => {
  server = await serveMapPage();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.http.close(500);
});

interface Watched {
  readonly page: Page;
  /** Console errors and uncaught exceptions. */
  readonly errors: string[];
  /** Requests to anywhere but the bot (refused). */
  readonly foreign: string[];
}

/** A fresh tab that records errors and refuses, and records, every request to another host. */
async function openPage(
  path: string,
  viewport?: { width: number; height: number },
): Promise<Watched & { status: number | undefined }> {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("dialog", (dialog) => {
    errors.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const response = await page.goto(`${server.origin}${path}`, { waitUntil: "load" });
  return { page, errors, foreign, status: response?.status() };
}

const key = (id: string) => `${SHIPPED_DOC}/${id}`;
const nodeLink = (id: string) => `g[id="node:${key(id)}"] a`;
const panelOf = (id: string) => `article[id="detail:${key(id)}"]`;

describe("the map page in Chromium", () => {
  it("loads with no console errors, nothing from other hosts, and every node a link", async () => {
    const { page, errors, foreign, status } = await openPage("/map");
    expect(status).toBe(200);
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    const whole = mapPage(core, {});
    if (whole.kind !== "page") throw new Error("no page");
    expect(await page.locator("#map-svg g.node a").count()).toBe(whole.page.view.nodes.length);
    // The page's own font is in use, not whatever the machine has.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].map((f) => `${f.family} ${f.weight} ${f.status}`);
    });
    expect(fonts).toContain("DejaVu Sans normal loaded");
    await page.close();
  });

  it("shows a clicked node's panel: our label and summary, the author's verbatim quote with its citation and source link", async () => {
    const { page, errors } = await openPage("/map");
    const node = core.corpus.node("coal-like-minded") as MapNode;
    await page.click(nodeLink(node.id));
    const panel = page.locator(panelOf(node.id));
    await expect.poll(() => panel.isVisible()).toBe(true);
    const text = ((await panel.textContent()) ?? "").replace(/\s+/g, " ");
    expect(text).toContain(`${node.label} (our label)`);
    expect(text).toContain(`Our summary: ${node.summary}`);
    const quote = node.quotes[0];
    if (!quote) throw new Error("the node has no quote");
    expect(await panel.locator("blockquote").first().getAttribute("data-quote")).toBe(quote.text);
    expect(text).toContain(quote.text);
    expect(text).toContain(`— Anisova, ELN, 6 Dec 2023, ¶${quote.source.paragraph}`);
    expect(await panel.locator("blockquote a").first().getAttribute("href")).toBe(quote.source.url);
    expect(text).toContain(`In chat: /claim ${node.id}`);
    expect(text).toContain("Supported by");
    expect(text).toContain("Challenged by");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is keyboard navigable: Tab reaches a node with a visible focus, Enter opens it, Escape goes back", async () => {
    const { page, errors } = await openPage("/map");
    let focusedNode = "";
    for (let presses = 0; presses < 25 && !focusedNode; presses++) {
      await page.keyboard.press("Tab");
      focusedNode = await page.evaluate(
        () => document.activeElement?.closest("g.node")?.id.replace(/^node:/, "") ?? "",
      );
    }
    expect(focusedNode).not.toBe("");
    const stroke = await page.evaluate(
      (id) =>
        getComputedStyle(
          document.getElementById(`node:${id}`)?.querySelector("polygon, path") as Element,
        ).strokeWidth,
      focusedNode,
    );
    expect(stroke).toBe("5px");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(`detail:${focusedNode}`);
    expect(await page.locator(`article[id="detail:${focusedNode}"]`).isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => document.activeElement?.closest("g.node")?.id ?? "")).toBe(
      `node:${focusedNode}`,
    );
    expect(await page.locator("#panel").isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("search outlines the nodes whose passages match, the best one first among them", async () => {
    const question = "Is the JEF legally binding?";
    const answer = await run("search", { query: question });
    const best = answer.excerpts[0]?.node?.key;
    if (!best) throw new Error("the search's best passage names no node");
    const found = new Set(answer.excerpts.map((e) => e.source.paragraph));
    const { page, errors } = await openPage("/map");
    await page.fill("#search-input", question);
    await page.keyboard.press("Enter");
    await page.waitForSelector("#map-svg g.node.match");
    const outlined = await page.$$eval("#map-svg g.node.match", (groups) =>
      groups.map((g) => g.id.replace(/^node:/, "")),
    );
    expect(outlined).toContain(best);
    expect(outlined.length).toBeLessThan(answer.excerpts.length * 6);
    for (const outlinedKey of outlined) {
      const node = core.corpus.node(outlinedKey) as MapNode;
      expect(
        node.quotes.some((q) => found.has(q.source.paragraph)),
        outlinedKey,
      ).toBe(true);
    }
    // The passages themselves are shown verbatim with their citations.
    const results = ((await page.locator("#results").textContent()) ?? "").replace(/\s+/g, " ");
    const first = answer.excerpts[0];
    expect(results).toContain((first?.quote ?? "").slice(0, 80));
    expect(results).toContain(`Anisova, ELN, 6 Dec 2023, ¶${first?.source.paragraph}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("search says when nothing is found, and Clear takes the outlines away", async () => {
    const { page, errors } = await openPage("/map");
    await page.fill("#search-input", "JEF");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#map-svg g.node.match");
    await page.fill("#search-input", "qqqzzzxx");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("#results-status").textContent())
      .toBe("No passage found: nothing is outlined.");
    expect(await page.locator("#map-svg g.node.match").count()).toBe(0);
    const answer = await run("search", { query: "qqqzzzxx" });
    expect(await page.locator("#results-list h3").textContent()).toBe(
      `${answer.title} (our heading)`,
    );
    await page.fill("#search-input", "JEF");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#map-svg g.node.match");
    await page.click("#search-clear");
    expect(await page.locator("#map-svg g.node.match").count()).toBe(0);
    expect(await page.locator("#results").isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a hostile focus as text and runs none of it", async () => {
    // Short enough to be echoed whole (notes shorten what they repeat).
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const { page, errors } = await openPage(`/map?focus=${encodeURIComponent(hostile)}`);
    const shown = await page.locator(".notices").textContent();
    expect(shown).toContain(hostile);
    expect(await page.locator(".notices svg, .notices script, .notices img").count()).toBe(0);
    expect(errors.filter((e) => e.startsWith("dialog"))).toEqual([]);
    await page.close();
  });

  it("has no serious or critical accessibility violations (axe-core), panel open and search shown", async () => {
    const { page } = await openPage("/map?focus=coalition");
    await page.evaluate(AXE_SOURCE);
    const audit = async () =>
      page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                c: unknown,
                o: unknown,
              ) => Promise<{
                violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
              }>;
            };
          }
        ).axe;
        const result = await axe.run(document, {
          runOnly: {
            type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
          },
        });
        return result.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
    expect(await audit()).toEqual([]);
    await page.click(nodeLink("coal-speed"));
    await page.fill("#search-input", "PESCO third states");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#results-list blockquote");
    expect(await audit()).toEqual([]);
    await page.close();
  });

  it("reads on a phone: no sideways scrolling, the focus in view at a readable size, the panel below the map", async () => {
    const { page, errors } = await openPage("/map?focus=coalition", { width: 390, height: 844 });
    const [focus, frame, labelPx] = await page.evaluate((id) => {
      const group = document.getElementById(`node:${id}`);
      return [
        group?.getBoundingClientRect().toJSON(),
        document.getElementById("canvas")?.getBoundingClientRect().toJSON(),
        // Labels are set at 11 units of the picture's viewBox: their size on screen.
        ((document.getElementById("map-svg")?.getBoundingClientRect().width ?? 0) /
          ((document.getElementById("map-svg") as unknown as SVGSVGElement).viewBox.baseVal.width ||
            1)) *
          11,
      ];
    }, key("coalition"));
    expect(focus.left).toBeGreaterThanOrEqual(frame.left);
    expect(focus.right).toBeLessThanOrEqual(frame.right);
    expect(labelPx).toBeGreaterThanOrEqual(9);
    const widths = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
    await page.click(nodeLink("coal-speed"));
    const [mapBottom, panelTop] = await page.evaluate(() => [
      document.querySelector(".map")?.getBoundingClientRect().bottom ?? 0,
      document.getElementById("panel")?.getBoundingClientRect().top ?? 0,
    ]);
    expect(panelTop).toBeGreaterThanOrEqual(mapBottom);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("prints as a one-page handout: the map, the legend and the source, no search box", async () => {
    const { page } = await openPage("/map?focus=coalition");
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#search-form").isVisible()).toBe(false);
    expect(await page.locator("#map-svg").isVisible()).toBe(true);
    expect(await page.locator(".legend").isVisible()).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages).toHaveLength(1);
    await page.close();
  });
});
