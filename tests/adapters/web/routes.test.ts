/**
 * The map page over HTTP, without a browser: what each path answers, the security headers on
 * every answer, escaping of anything a request brings, and clear messages for bad parameters.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY } from "../../../src/adapters/web/respond.js";
import { SHIPPED_DOC } from "../../helpers/corpus.js";
import { run } from "../../helpers/run.js";
import { serveMapPage } from "./serve-helper.js";

let server: Awaited<ReturnType<typeof serveMapPage>>;
beforeAll(async () => {
  server = await serveMapPage();
});
afterAll(async () => {
  await server?.http.close(500);
});

async function get(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.origin}${path}`, init);
  return { response, text: await response.text() };
}

/** Every address the page makes the browser load (scripts, styles, icons, images, fonts). */
function loadedAddresses(page: string): string[] {
  return [
    ...page.matchAll(/<(?:script|img|iframe|source)\b[^>]*\bsrc="([^"]*)"/g),
    ...page.matchAll(/<link\b[^>]*\bhref="([^"]*)"/g),
  ].map((m) => m[1] ?? "");
}

describe("GET /map", () => {
  it("serves the whole argument as HTML with a strict CSP, loading only its own assets", async () => {
    const { response, text } = await get("/map");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const loaded = loadedAddresses(text);
    expect(loaded.length).toBeGreaterThanOrEqual(3);
    for (const address of loaded) expect(address).toMatch(/^\/map\/assets\//);
    // No inline script or style: the CSP would refuse them.
    expect(text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(text).not.toMatch(/\sstyle="/);
    expect(text).not.toMatch(/\son[a-z]+="/);
    // Graphviz writes "-" in ids as "&#45;".
    const svgIds = text.replaceAll("&#45;", "-");
    for (const id of ["thesis", "coalition", "coal-speed", "obj-no-nuclear-umbrella"])
      expect(svgIds).toContain(`id="node:${SHIPPED_DOC}/${id}"`);
  });

  it("centres on the point ?focus= names, resolved like /map (did-you-mean included)", async () => {
    const { text } = await get("/map?focus=coalition");
    expect(text).toContain(`data-focus="${SHIPPED_DOC}/coalition"`);
    expect(text).toContain("Argument map around: Coalition of the willing as a transition");
    const corrected = await get("/map?focus=coaliton");
    expect(corrected.response.status).toBe(200);
    expect(corrected.text).toContain("did you mean coalition?");
    expect(corrected.text).toContain(`data-focus="${SHIPPED_DOC}/coalition"`);
  });

  it("shows a focus that matches nothing as text, with links to try instead, never as markup", async () => {
    const hostile = '"><svg onload=zzzqqq><script>qqqzzz</script>';
    const { response, text } = await get(`/map?focus=${encodeURIComponent(hostile)}`);
    expect(response.status).toBe(404);
    expect(text).not.toContain("<svg onload");
    expect(text).not.toContain("<script>qqq");
    expect(text).toContain(
      "&quot;&gt;&lt;svg onload=zzzqqq&gt;&lt;script&gt;qqqzzz&lt;/script&gt;",
    );
    expect(text).toContain("so the whole argument is shown");
    expect(text).toMatch(/href="\/map\?reading=[^"]+&amp;focus=coalition"/);
  });

  it("echoes words it searched for as text in its note", async () => {
    const hostile = '<img src=x onerror=alert(1)>"><script>alert(2)</script>';
    const { text } = await get(`/map?focus=${encodeURIComponent(hostile)}`);
    expect(text).not.toContain("<img src=x");
    expect(text).not.toContain("<script>alert");
    expect(text).toContain("&lt;img src=x onerror=alert(1)&gt;&quot;&gt;&lt;script&gt;alert(2)");
  });

  it.each([
    ["/map?depth=9", "depth must be a whole number from 1 to 3"],
    ["/map?focus=eu&depth=two", "depth must be a whole number from 1 to 3"],
    [`/map?focus=${"x".repeat(201)}`, "focus is at most 200 characters"],
  ])("answers %s with a clear message (400)", async (path, message) => {
    const { response, text } = await get(path);
    expect(response.status).toBe(400);
    expect(text).toContain(message);
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
  });

  it("answers an unknown reading with the readings there are", async () => {
    const { response, text } = await get("/map?reading=anisova-2023");
    expect(response.status).toBe(404);
    expect(text).toContain('There is no reading “<span class="user-text">anisova-2023</span>”');
    expect(text).toContain(`href="/map?reading=${SHIPPED_DOC}"`);
  });

  it("is read-only: other methods are refused with the methods it takes", async () => {
    const { response } = await get("/map", { method: "POST", body: "x" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    const head = await fetch(`${server.origin}/map`, { method: "HEAD" });
    expect(head.status).toBe(200);
  });
});

describe("GET /map/search", () => {
  it("answers with the /search command's own Answer, as the --json contract", async () => {
    const { response, text } = await get("/map/search?q=Is%20the%20JEF%20legally%20binding%3F");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = JSON.parse(text);
    const direct = await run("search", { query: "Is the JEF legally binding?" });
    expect(body.formatVersion).toBe(1);
    expect(body.command).toBe("search");
    expect(body.excerpts).toEqual(JSON.parse(JSON.stringify(direct.excerpts)));
    expect(body.page).toEqual(direct.page);
  });

  it("pages like /search page:", async () => {
    const body = JSON.parse((await get("/map/search?q=coalition&page=2")).text);
    expect(body.page.offset).toBe(3);
  });

  it.each([
    ["/map/search", "q is missing"],
    ["/map/search?q=%20%20", "q is missing"],
    ["/map/search?q=JEF&page=0", "page must be a whole number from 1 to 50"],
    ["/map/search?q=JEF&page=abc", "page must be a whole number from 1 to 50"],
  ])("answers %s with a clear message (400)", async (path, message) => {
    const { response, text } = await get(path);
    expect(response.status).toBe(400);
    expect(JSON.parse(text).error).toContain(message);
  });

  it("passes on the command's own answer to a page past the end", async () => {
    const { response, text } = await get("/map/search?q=JEF&page=50");
    expect(response.status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ status: "invalid-input", command: "search" });
  });

  it("asks an address over its budget (a channel's: 2 × 3 a minute here) to slow down, with Retry-After", async () => {
    const limited = await serveMapPage({
      perMinute: 2,
      expensivePerMinute: 1,
      channelMultiplier: 3,
    });
    try {
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 8; i++) {
        const response = await fetch(`${limited.origin}/map/search?q=coalition`);
        statuses.push(response.status);
        if (response.status === 429) refused ??= response;
        else await response.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
      expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const body = (await refused?.json()) as { error: string };
      expect(body.error).toMatch(/^Slow down a little\. .*wait about \d+ seconds?/);
      // The map itself stays readable.
      expect((await fetch(`${limited.origin}/map`)).status).toBe(200);
    } finally {
      await limited.http.close(500);
    }
  });
});

describe("the page's own files and everything else", () => {
  it.each([
    ["/map/assets/map.js", "text/javascript; charset=utf-8"],
    ["/map/assets/map.css", "text/css; charset=utf-8"],
    ["/map/assets/icon.svg", "image/svg+xml"],
    ["/map/assets/DejaVuSans.ttf", "font/ttf"],
    ["/map/assets/DejaVuSans-Bold.ttf", "font/ttf"],
  ])("serves %s as %s", async (path, type) => {
    const response = await fetch(`${server.origin}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    const etag = response.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await fetch(`${server.origin}${path}`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("answers unknown paths with a 404 page that names the path as text and links to the map", async () => {
    const { response, text } = await get("/nowhere/%3Cb%3Ebold%3C%2Fb%3E");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(text).toContain("Page not found");
    expect(text).not.toContain("<b>bold");
    expect(text).toContain('<a href="/map">');
  });

  it("still answers health checks", async () => {
    const response = await fetch(`${server.origin}/healthz`);
    expect(await response.json()).toEqual({ ok: true });
  });
});
