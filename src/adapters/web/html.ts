/**
 * HTML built with a tagged template that escapes every interpolated value (escape-html), unless
 * the value is itself markup built the same way. Corpus text and query text can therefore only
 * ever become text in the page, never tags or attributes.
 */
import escapeHtml from "escape-html";

const SAFE = Symbol("SafeHtml");

/** Markup known to be safe: only `html` and {@link join} make it. */
export interface SafeHtml {
  readonly [SAFE]: true;
  readonly text: string;
}

export type HtmlValue =
  | SafeHtml
  | string
  | number
  | undefined
  | null
  | false
  | readonly HtmlValue[];

function isSafe(value: unknown): value is SafeHtml {
  return typeof value === "object" && value !== null && SAFE in value;
}

function safe(text: string): SafeHtml {
  return { [SAFE]: true, text };
}

function render(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return "";
  if (isSafe(value)) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * @example
 * html`<p title="${label}">${quote}</p>`.text // label and quote escaped
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let text = strings[0] ?? "";
  values.forEach((value, i) => {
    text += render(value) + (strings[i + 1] ?? "");
  });
  return safe(text);
}

/** Trusted markup from our own renderer (Graphviz SVG made from escaped DOT), taken as it is. */
export function trustedMarkup(text: string): SafeHtml {
  return safe(text);
}

/** A query string for a link, each value percent-encoded; the result is escaped where it is used. */
export function queryString(params: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
