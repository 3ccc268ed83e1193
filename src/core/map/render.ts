/**
 * DOT → SVG → PNG, in-process: Graphviz compiled to WebAssembly (`@viz-js/viz`) lays the map out
 * and `@resvg/resvg-js` rasterises it with the DejaVu Sans font shipped in `dejavu-fonts-ttf`.
 * resvg silently draws no text when it finds no font, so it is never left to find system fonts.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Viz } from "@viz-js/viz";
import { MAP_FONT } from "./style.js";

/** Graphviz could not lay out the DOT it was given: a bug in the DOT writer, never user input. */
export class MapRenderError extends Error {
  override readonly name = "MapRenderError";
}

let vizInstance: Promise<Viz> | undefined;

/** The WebAssembly Graphviz, compiled once per process on first use. */
function viz(): Promise<Viz> {
  vizInstance ??= import("@viz-js/viz").then((module) => module.instance());
  return vizInstance;
}

/** SVG font list: DejaVu Sans first (what the layout was measured in), then look-alikes. */
const SVG_FONT_FAMILY = `${MAP_FONT},Verdana,sans-serif`;

/** Lays out DOT with Graphviz and returns the SVG, its text set in DejaVu Sans. */
export async function dotToSvg(dot: string): Promise<string> {
  const result = (await viz()).render(dot, { format: "svg" });
  if (result.status !== "success") {
    const problems = result.errors.map((e) => e.message).join("; ");
    throw new MapRenderError(
      `map: Graphviz could not lay out the map (${problems || "no detail"})`,
    );
  }
  return result.output.replace(/font-family="[^"]*"/g, `font-family="${SVG_FONT_FAMILY}"`);
}

let fonts: string[] | undefined;

/** Paths of the shipped DejaVu Sans files (regular and bold), resolved from node_modules. */
export function mapFontFiles(): string[] {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
    fonts = [join(dir, "DejaVuSans.ttf"), join(dir, "DejaVuSans-Bold.ttf")];
  }
  return fonts;
}

export interface PngOptions {
  /** Pixels per SVG pixel (default 1.5: crisp on phones, still small enough for chat). */
  readonly scale?: number;
  /** The longest side is capped at this many pixels (default 4000); big maps are scaled down. */
  readonly maxSide?: number;
}

/** Rasterises an SVG to PNG off the main thread, with the shipped font and nothing else. */
export async function svgToPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const { renderAsync } = await import("@resvg/resvg-js");
  const longest = Math.max(...svgSize(svg), 1);
  const zoom = Math.min(options.scale ?? 1.5, (options.maxSide ?? 4000) / longest);
  const image = await renderAsync(svg, {
    font: {
      fontFiles: mapFontFiles(),
      loadSystemFonts: false,
      defaultFontFamily: MAP_FONT,
      sansSerifFamily: MAP_FONT,
    },
    fitTo: { mode: "zoom", value: zoom },
    background: "white",
  });
  return new Uint8Array(image.asPng());
}

const CSS_PX = { px: 1, pt: 4 / 3, "": 1 } as const;

/** The SVG's width and height in CSS pixels, as resvg sizes it (Graphviz writes points). */
export function svgSize(svg: string): [number, number] {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const length = (name: string): number => {
    const match = new RegExp(`\\b${name}="([\\d.]+)(px|pt|)"`).exec(root);
    return match ? Number(match[1]) * CSS_PX[(match[2] ?? "") as keyof typeof CSS_PX] : 0;
  };
  return [length("width"), length("height")];
}

export type MapImageFormat = "png" | "svg";

/** DOT to the file a chat can show: PNG (default) or SVG. */
export async function renderMap(dot: string, format: MapImageFormat = "png"): Promise<Uint8Array> {
  const svg = await dotToSvg(dot);
  return format === "svg" ? new TextEncoder().encode(svg) : svgToPng(svg);
}
