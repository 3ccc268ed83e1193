/**
 * Text made safe for Slack's mrkdwn: the three characters Slack treats as markup are escaped in
 * anything we did not build, so no source or user text can become `<!channel>`, a mention or a
 * link; lengths are bounded visibly ("…"), never by a silent cut.
 */
import { shorten } from "../../core/input.js";

/** Escapes the three characters Slack treats as markup, in any text we did not build. */
export function escapeSlack(text: string): string {
  // Most text has none of the three: return it as it is rather than copying it three times.
  if (!MARKUP.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const MARKUP = /[&<>]/;

/** Escapes text and shortens it (visibly, with "…") so the escaped form fits `max`. */
export function fitEscaped(text: string, max: number): string {
  let length = max;
  for (;;) {
    const escaped = escapeSlack(shorten(text, Math.max(2, length)));
    if (escaped.length <= max || length <= 2) return escaped.length <= max ? escaped : "…";
    length -= Math.max(1, escaped.length - max);
  }
}

/** Shortens text that already holds our markup; it is cut only at a space, never in an entity. */
export function fitEscapedMarkup(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(0, cut.lastIndexOf(" ")))}…`;
}

/**
 * Text for a preformatted block: escaped like all text, and with an invisible space between any
 * two backticks so no run of them can close the block early.
 */
export function fenceSafe(text: string): string {
  return escapeSlack(text).replace(/`(?=`)/g, "`\u200b");
}

/** A link we build ourselves: only http(s), with the characters that end a Slack link encoded. */
export function link(url: string, text: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "_(no link)_";
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return "_(no link)_";
  const href = parsed.href
    .replace(/\|/g, "%7C")
    .replace(/</g, "%3C")
    .replace(/>/g, "%3E")
    .replace(/&/g, "&amp;");
  if (href.length > 1000) return "_(link too long to show)_";
  return `<${href}|${fitEscaped(text, 100)}>`;
}

/** Slack's blockquote: every line starts with `>` (source `>` is escaped, so it cannot). */
export function quoteLines(text: string): string {
  return text
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
}
