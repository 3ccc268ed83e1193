/**
 * Writing the page's responses, each with the same security headers: a strict Content-Security-
 * Policy (only this server's own scripts, styles, fonts and images; no inline script or style; no
 * framing), no MIME sniffing, no referrer sent to the source's site.
 */
import type { ServerResponse } from "node:http";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

export function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  extra: Readonly<Record<string, string>> = {},
): void {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    "content-type": contentType,
    "content-length": bytes.byteLength,
    "cache-control": "no-cache",
    ...extra,
  });
  response.end(bytes);
}

export function sendHtml(response: ServerResponse, status: number, page: string): void {
  send(response, status, "text/html; charset=utf-8", page);
}

export function sendJsonBody(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  send(response, status, "application/json; charset=utf-8", JSON.stringify(body), headers);
}
