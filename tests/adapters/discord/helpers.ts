/** Helpers shared by the Discord adapter tests: a logger that records, and reading answers back out of embeds. */
import { type Logger, pino } from "pino";

export interface LogLine {
  readonly level: number;
  readonly msg?: string;
  readonly [key: string]: unknown;
}

export interface MemoryLogger {
  readonly logger: Logger;
  readonly lines: LogLine[];
  /** Resolves with the first line (past or future) that matches. */
  waitFor(predicate: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
}

export function memoryLogger(): MemoryLogger {
  const lines: LogLine[] = [];
  const waiters: { predicate: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  const logger = pino(
    { level: "debug", base: null },
    {
      write(text: string) {
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        for (const waiter of waiters.filter((w) => w.predicate(line))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      },
    },
  );
  return {
    logger,
    lines,
    waitFor(predicate, timeoutMs = 10_000) {
      const seen = lines.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching log line within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          predicate,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
  };
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
