import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { takeOutOption } from "../../../src/adapters/cli/files.js";
import { main } from "../../../src/adapters/cli/main.js";
import { exportMap } from "../../../src/core/export/formats.js";
import { countDarkPixels, decodePng, isPng } from "../../core/map/png.js";
import { shippedCore } from "../../helpers/corpus.js";

const dir = mkdtempSync(join(tmpdir(), "cli-map-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs the CLI in-process, capturing what it writes. */
async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const code = await main(argv);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

describe("cli map and export", () => {
  it("`map --focus coalition --depth 2 --out map.png` writes a PNG with visible labels", async () => {
    const out = join(dir, "map.png");
    const result = await cli("map", "--focus", "coalition", "--depth", "2", "--out", out);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Argument map around: Coalition of the willing.*\nSaved argument-map\.png \(image\/png, \d+ KB\) to .*map\.png\.\n$/,
    );
    const png = readFileSync(out);
    expect(isPng(png)).toBe(true);
    expect(countDarkPixels(decodePng(png))).toBeGreaterThan(50_000);
  });

  it("`--format svg` writes an SVG", async () => {
    const out = join(dir, "map.svg");
    const result = await cli("map", "--focus", "eu", "--format", "svg", "--out", out);
    expect(result.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("<svg");
    expect(result.stdout).toContain("Saved argument-map.svg (image/svg+xml");
  });

  it("warns when the file name's extension does not match what was saved", async () => {
    const out = join(dir, "whole.svg");
    const result = await cli("map", `--out=${out}`);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Note: the file is image/png, whatever its name says (add --format svg for an SVG).",
    );
  });

  it("keeps --out away from the command's options (the command never sees it)", async () => {
    const out = join(dir, "map.json");
    const result = await cli("export", "json", "--out", out);
    expect(result.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(exportMap(shippedCore().corpus, "json").text);
    expect(takeOutOption(["map", "--out", "x.png", "coalition"])).toEqual({
      ok: true,
      args: ["map", "coalition"],
      out: "x.png",
    });
  });

  it("saves nothing and exits 1 when the answer has no file", async () => {
    const out = join(dir, "nothing.png");
    const result = await cli("map", "--focus", "zzqx wobble", "--out", out);
    expect(result.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(result.stdout).toContain("No map node matches");
    expect(result.stderr).toContain("Nothing saved to");
  });

  it("exits 2 with usage when --out has no file name", async () => {
    const result = await cli("map", "--out");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--out needs a file name");
    expect(result.stderr).toContain("Usage:");
  });

  it.each(["argdown", "aif", "dot", "json"] as const)(
    "`export %s` prints the export itself to stdout",
    async (format) => {
      const result = await cli("export", format);
      expect(result.code).toBe(0);
      const expected = exportMap(shippedCore().corpus, format).text;
      const strip = (s: string) => s.replace(/"timestamp": "[^"]+"/g, "");
      expect(strip(result.stdout)).toBe(strip(expected));
    },
  );

  it("`map` without --out renders the answer and names the attachment", async () => {
    const result = await cli("map", "coalition", "--depth", "1");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      "Attachment: argument-map.png — Argument map (our drawing) around",
    );
  });
});
