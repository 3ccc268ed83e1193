/** Helpers shared by the Discord adapter tests: a logger that records, and reading answers back out of embeds. */
import { type CapturedLogger, capturedLogger } from "../../helpers/captured-logger.js";

export type MemoryLogger = CapturedLogger;

/** The program's own logger, recording into memory (shared with the other adapters' tests). */
export function memoryLogger(): MemoryLogger {
  return capturedLogger();
}

/** Discord-rendered text back to what a reader sees: escapes, bold markers and invisible spaces removed. */
export function unrender(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\" && i + 1 < text.length) {
      out += text[++i];
    } else if (c === "*" && text[i + 1] === "*") {
      i++;
    } else if (c !== "\u200b") {
      out += c;
    }
  }
  return out;
}

interface Field {
  readonly name: string;
  readonly value: string;
}

export interface ShownQuote {
  readonly number: number;
  /** The quote as a reader sees it, pieces joined. */
  readonly text: string;
  readonly paragraph: number;
  readonly url: string | undefined;
  readonly label: string | undefined;
  readonly pieces: number;
}

/**
 * The quotes shown in messages, reassembled from their fields: "N. label (our label)" starts a
 * quote, "N. (continued)" continues it, the citation line ends it.
 */
export function shownQuotes(
  messages: readonly { embeds?: readonly { fields?: readonly Field[] }[] }[],
): ShownQuote[] {
  const quotes = new Map<number, { parts: string[]; cite: string; label: string | undefined }>();
  for (const message of messages) {
    for (const embed of message.embeds ?? []) {
      for (const field of embed.fields ?? []) {
        const head = /^(\d+)\. (.*)$/.exec(field.name) ?? /^Quote (\d+)$/.exec(field.name);
        if (!head) continue;
        const number = Number(head[1]);
        const entry = quotes.get(number) ?? { parts: [], cite: "", label: undefined };
        if (head[2] && head[2] !== "(continued)") entry.label = head[2];
        let value = field.value;
        const cite = value.lastIndexOf("”\n— ");
        if (cite !== -1) {
          entry.cite = value.slice(cite + 3);
          value = value.slice(0, cite);
        } else {
          value = value.replace(/ \*\(continued below\)\*$/, "");
        }
        // Only the first piece opens with our quotation mark; a later one may start with the source's own.
        entry.parts.push(entry.parts.length === 0 ? value.replace(/^“/, "") : value);
        quotes.set(number, entry);
      }
    }
  }
  return [...quotes.entries()].map(([number, entry]) => ({
    number,
    text: unrender(entry.parts.join(" ")),
    paragraph: Number(/¶(\d+)/.exec(entry.cite)?.[1] ?? Number.NaN),
    url: /\]\((https?:\/\/[^)]+)\)/.exec(entry.cite)?.[1],
    label: entry.label,
    pieces: entry.parts.length,
  }));
}

/**
 * A source quote as {@link unrender} gives it back: without zero-width spaces, since those the
 * renderer inserts to break mentions cannot be told from the quote's own.
 */
export function asUnrendered(quote: string): string {
  return quote.replaceAll("\u200b", "");
}

/** Whitespace-insensitive: cuts between fields may fall on runs of spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** A shown quote without the "… " / " …" that mark where it starts or ends inside its paragraph. */
export function quoteBody(
  shown: ShownQuote,
  elided: { readonly before: boolean; readonly after: boolean } | undefined,
): string {
  let text = shown.text;
  if (elided?.before) text = text.replace(/^… /, "");
  if (elided?.after) text = text.replace(/ …$/, "");
  return text;
}
