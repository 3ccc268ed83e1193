/**
 * Writing Graphviz DOT safely: quoted IDs and strings, HTML-like label text and attribute lists.
 * Map text is ours or the author's and may hold any character; nothing in it may end a string,
 * open a tag or inject an attribute.
 */

// Controls (other than space) have no business in a label; Graphviz would print them raw.
const CONTROLS = /[\p{Cc}\u2028\u2029]/gu;

/** A double-quoted DOT string (IDs and plain attribute values): `"` and `\` escaped. */
export function dotString(text: string): string {
  return `"${text.replace(CONTROLS, " ").replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * Text inside an HTML-like label: XML-escaped, so `<`, `&` and quotes stay text. Graphviz also
 * reads `\N`, `\G`, … and `\\` in label text (after decoding entities), so a backslash is doubled
 * to stay a backslash: without it `\\` would print as one and `\N` as the node's name.
 */
export function htmlText(text: string): string {
  return text
    .replace(CONTROLS, " ")
    .replace(/\\/g, "\\\\")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** An attribute value: HTML-like labels pass through as `<…>`, everything else is quoted. */
export type AttributeValue = string | number | { readonly html: string };

/** `[name="value", …]`, with every value quoted or given as an HTML-like label. */
export function attributes(values: Readonly<Record<string, AttributeValue | undefined>>): string {
  const parts = Object.entries(values)
    .filter((entry): entry is [string, AttributeValue] => entry[1] !== undefined)
    .map(([name, value]) => {
      if (typeof value === "object") return `${name}=<${value.html}>`;
      return `${name}=${typeof value === "number" ? String(value) : dotString(value)}`;
    });
  return parts.length ? ` [${parts.join(", ")}]` : "";
}

/** Greedy word wrap to at most `maxLines` lines of about `width` characters; cuts mark "…". */
export function wrapWords(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const piece = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (line && line.length + 1 + piece.length > width) {
      lines.push(line);
      line = piece;
    } else {
      line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] ?? "";
  kept[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}
