import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import type { MapNode } from "../../../src/core/corpus/model.js";
import { toDot } from "../../../src/core/map/dot.js";
import {
  dotToSvg,
  MapRenderError,
  mapFontFiles,
  renderMap,
  svgSize,
  svgToPng,
} from "../../../src/core/map/render.js";
import { focusView, wholeMap } from "../../../src/core/map/select.js";
import { shippedCore } from "../../helpers/corpus.js";
import { countDarkPixels, decodePng, isPng } from "./png.js";

const { corpus } = shippedCore();
const coalition = corpus.node("coalition") as MapNode;
const focusSvg = await dotToSvg(
  toDot(focusView(corpus, coalition, 2), { title: "Around the coalition" }),
);
const wholeSvg = await dotToSvg(toDot(wholeMap(corpus), { title: "The whole argument" }));

const withoutText = (svg: string) => svg.replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, "");

describe("map rendering", () => {
  it("sets every text in DejaVu Sans, the font shipped with the project", () => {
    const families = [...focusSvg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]);
    expect(families.length).toBeGreaterThan(20);
    for (const family of families) expect(family).toMatch(/^DejaVu Sans,/);
    for (const file of mapFontFiles()) {
      expect(file).toMatch(/dejavu-fonts-ttf[/\\]ttf[/\\]DejaVuSans(-Bold)?\.ttf$/);
      expect(existsSync(file)).toBe(true);
    }
  });

  it("draws the labels: the PNG has far more dark pixels than the same picture without text", async () => {
    const png = decodePng(await svgToPng(focusSvg));
    const blank = decodePng(await svgToPng(withoutText(focusSvg)));
    expect([png.width, png.height]).toEqual([blank.width, blank.height]);
    const text = countDarkPixels(png) - countDarkPixels(blank);
    // Some 400 words of labels at 11 pt: tens of thousands of dark pixels at 1.5×.
    expect(text).toBeGreaterThan(20_000);
    expect(countDarkPixels(png)).toBeGreaterThan(1.5 * countDarkPixels(blank));
  });

  it("(control) without a font resvg draws no text at all — the failure the test above would catch", () => {
    const render = (svg: string) =>
      decodePng(
        new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: [] }, background: "white" })
          .render()
          .asPng(),
      );
    expect(countDarkPixels(render(focusSvg))).toBe(countDarkPixels(render(withoutText(focusSvg))));
  });

  it.each([
    ["a focus view", () => focusSvg],
    ["the whole map", () => wholeSvg],
  ])("%s is a readable picture, not a wide strip", async (_, svg) => {
    const png = decodePng(await svgToPng(svg()));
    const ratio = png.width / png.height;
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
    expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(4000);
    expect(Math.min(png.width, png.height)).toBeGreaterThan(600);
  });

  it("scales big maps down to the longest-side cap", async () => {
    const [width, height] = svgSize(wholeSvg);
    const png = decodePng(await svgToPng(wholeSvg, { scale: 4, maxSide: 1000 }));
    expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(1001);
    expect(png.width / png.height).toBeCloseTo(width / height, 1);
  });

  it("returns PNG or SVG bytes", async () => {
    const dot = toDot(focusView(corpus, coalition, 1));
    expect(isPng(await renderMap(dot))).toBe(true);
    const svg = new TextDecoder().decode(await renderMap(dot, "svg"));
    expect(svg).toMatch(/<svg[\s\S]*<\/svg>\s*$/);
  });

  it("reports DOT that Graphviz cannot read as a MapRenderError", async () => {
    await expect(dotToSvg("digraph { a -> }")).rejects.toBeInstanceOf(MapRenderError);
  });

  it("reads an SVG's size in CSS pixels (Graphviz writes points)", () => {
    expect(svgSize('<svg width="72pt" height="36pt" viewBox="0 0 72 36">')).toEqual([96, 48]);
    expect(svgSize('<svg width="100" height="50px">')).toEqual([100, 50]);
  });
});
