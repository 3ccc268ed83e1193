/**
 * Everything the page loads, served by the bot itself: the script, the stylesheet, an icon and
 * the DejaVu Sans fonts the map is laid out in (from `dejavu-fonts-ttf`). Nothing comes from
 * another host, so the page works offline and the CSP can say `'self'` only.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { mapFontFiles } from "../../core/map/render.js";
import { projectRoot } from "../../core/paths.js";

export const ASSET_PATHS = {
  script: "/map/assets/map.js",
  css: "/map/assets/map.css",
  icon: "/map/assets/icon.svg",
  font: "/map/assets/DejaVuSans.ttf",
  fontBold: "/map/assets/DejaVuSans-Bold.ttf",
} as const;

export interface Asset {
  readonly contentType: string;
  readonly body: Buffer;
  /** A strong ETag from the content, so browsers revalidate for free. */
  readonly etag: string;
}

/** The source folder of the page's own files (served as they are: plain JS and CSS). */
export function assetsDir(): string {
  return join(projectRoot(), "src", "adapters", "web", "assets");
}

/** Reads every asset once; a missing file stops the start, not a request. */
export function loadAssets(): ReadonlyMap<string, Asset> {
  const dir = assetsDir();
  const [regular, bold] = mapFontFiles();
  const file = (path: string | undefined, contentType: string): Asset => {
    if (!path) throw new Error("web: a font file of dejavu-fonts-ttf is missing");
    const body = readFileSync(path);
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
    return { contentType, body, etag };
  };
  return new Map([
    [ASSET_PATHS.script, file(join(dir, "map.js"), "text/javascript; charset=utf-8")],
    [ASSET_PATHS.css, file(join(dir, "map.css"), "text/css; charset=utf-8")],
    [ASSET_PATHS.icon, file(join(dir, "icon.svg"), "image/svg+xml")],
    [ASSET_PATHS.font, file(regular, "font/ttf")],
    [ASSET_PATHS.fontBold, file(bold, "font/ttf")],
  ]);
}
