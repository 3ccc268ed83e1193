/**
 * The Done-when line of the map issue, exactly as a tutor types it: `npm run -s cli -- map --out
 * <file>.png` in a separate process (the built CLI; `npm test` builds first) writes a readable PNG.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { catalogue } from "../../../commands/index.js";
import { findCommand } from "../../../src/core/dispatch.js";
import { executeCommand } from "../../../src/core/execute.js";
import { svgToPng } from "../../../src/core/map/render.js";
import { projectRoot } from "../../../src/core/paths.js";
import { countDarkPixels, decodePng, isPng } from "../../core/map/png.js";
import { shippedCore } from "../../helpers/corpus.js";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "cli-map-npm-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run -s cli -- map --out", () => {
  it("writes the whole map as a PNG with visible labels and says where it went", async () => {
    const out = join(dir, "map.png");
    const { stdout } = await run("npm", ["run", "-s", "cli", "--", "map", "--out", out], {
      cwd: projectRoot(),
      // No update check or other registry traffic from npm itself.
      env: { ...process.env, CI: "true", npm_config_update_notifier: "false" },
    });
    expect(stdout).toMatch(/^Argument map: the whole argument\n/);
    expect(stdout).toContain(`Saved argument-map.png (image/png, `);
    expect(stdout).toContain(`to ${out}.`);
    const png = readFileSync(out);
    expect(isPng(png)).toBe(true);
    const picture = decodePng(png);
    expect(picture.width).toBeGreaterThan(400);
    expect(picture.height).toBeGreaterThan(200);
    // Text is drawn: the same picture without its text (from the command's SVG) is far lighter.
    const map = findCommand(catalogue, "map");
    if (!map) throw new Error("no /map");
    const svg = (await executeCommand(shippedCore(), map, { format: "svg" })).attachments?.[0];
    const textFree = new TextDecoder()
      .decode(svg?.data)
      .replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, "");
    const blank = decodePng(await svgToPng(textFree));
    expect([picture.width, picture.height]).toEqual([blank.width, blank.height]);
    expect(countDarkPixels(picture) - countDarkPixels(blank)).toBeGreaterThan(20_000);
  });
});
