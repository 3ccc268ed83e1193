/**
 * An Answer as terminal text: colour and wrapping on a TTY, plain text otherwise. Everything
 * that is ours is labelled; every quote carries its citation.
 */
import type { Answer, Excerpt } from "../../core/answer.js";
import { formatCommandLine } from "../../core/arguments.js";
import { citeFull, citeShort } from "../../core/cite.js";
import {
  bracketed,
  COPY_TITLE,
  EDITORS_NOTES,
  EDITORS_NOTES_OURS,
  OURS,
} from "../../core/words.js";

export interface TerminalStyle {
  readonly color: boolean;
  readonly width: number;
  /** Number the follow-ups, so they can be chosen by typing their number (the console). */
  readonly numberFollowUps?: boolean;
  /** One line per attachment saying where it was saved (or why not), in attachment order. */
  readonly saved?: readonly string[];
}

const ANSI = {
  bold: "\x1b[1m",
  dim: "\x1b[2m",
  italic: "\x1b[3m",
  cyan: "\x1b[36m",
  yellow: "\x1b[33m",
  red: "\x1b[31m",
  green: "\x1b[32m",
  reset: "\x1b[0m",
};

/** Removes escape sequences and control characters, so no text can drive the terminal. */
export function escapeTerminal(text: string): string {
  // \p{Cc} covers ESC, so CSI sequences go whole, then any control character left.
  return text.replace(/\p{Cc}\[[0-9;?]*[ -/]*[@-~]/gu, "").replace(/\p{Cc}/gu, "");
}

/** Colours text on a colour terminal, and leaves it as it is otherwise (`coloured` says which). */
type Paint = ((code: keyof typeof ANSI, text: string) => string) & { readonly coloured: boolean };

export function renderTerminal(answer: Answer, style: TerminalStyle): string {
  const paint: Paint = Object.assign(
    (code: keyof typeof ANSI, text: string) =>
      style.color ? `${ANSI[code]}${text}${ANSI.reset}` : text,
    { coloured: style.color },
  );
  const width = Math.max(40, Math.min(style.width, 120));
  const lines: string[] = [];
  const titleColor = answer.status === "ok" ? "cyan" : answer.status === "error" ? "red" : "yellow";
  lines.push(paint("bold", paint(titleColor, escapeTerminal(answer.title))));
  if (answer.reference) lines.push(`Reference: ${answer.reference}`);
  for (const notice of answer.notices ?? [])
    lines.push(...wrap(escapeTerminal(notice), width, "  ", "  "));

  if (answer.notes.length > 0) {
    lines.push(paint("dim", `${EDITORS_NOTES} ${bracketed(EDITORS_NOTES_OURS)}:`));
    for (const note of answer.notes)
      lines.push(
        ...wrap(escapeTerminal(note), width, "  • ", "    ").map((l) => paint("italic", l)),
      );
  }

  let group: string | undefined;
  answer.excerpts.forEach((excerpt, index) => {
    if (excerpt.group && excerpt.group !== group) {
      group = excerpt.group;
      lines.push(
        "",
        paint("bold", `── ${escapeTerminal(group)} `) + paint("dim", bracketed(OURS.heading)),
      );
    }
    lines.push(...renderExcerpt(excerpt, index, answer, width, paint));
  });

  if (answer.copyText) {
    lines.push("", paint("dim", `${COPY_TITLE}:`));
    for (const line of answer.copyText.split("\n")) lines.push(`  ${escapeTerminal(line)}`);
  }
  if (answer.suggestions.length > 0)
    lines.push("", `Try: ${answer.suggestions.map(escapeTerminal).join("  ·  ")}`);
  if (answer.followUps.length > 0) {
    const steps = answer.followUps.map((f, i) => {
      const line = escapeTerminal(formatCommandLine(f.command, f.options));
      return style.numberFollowUps ? `${i + 1} ${line}` : line;
    });
    const heading = style.numberFollowUps ? "Next (type a number)" : "Next";
    lines.push("", paint("dim", `${heading}: ${steps.join("  ·  ")}`));
  }
  if (answer.replyRequest)
    lines.push(
      "",
      paint(
        "yellow",
        `${escapeTerminal(answer.replyRequest.prompt)} (type your reply on the next line)`,
      ),
    );
  (answer.attachments ?? []).forEach((attachment, index) => {
    lines.push(
      "",
      `Attachment: ${escapeTerminal(attachment.filename)} — ${escapeTerminal(attachment.description)}`,
    );
    const saved = style.saved?.[index];
    if (saved !== undefined) lines.push(`  ${escapeTerminal(saved)}`);
  });
  if (answer.sources.length > 0) {
    lines.push("", paint("dim", "Source:"));
    for (const doc of answer.sources)
      lines.push(
        ...wrap(escapeTerminal(citeFull(doc)), width, "  ", "  ").map((l) => paint("dim", l)),
      );
  }
  return lines.join("\n");
}

function renderExcerpt(
  excerpt: Excerpt,
  index: number,
  answer: Answer,
  width: number,
  paint: Paint,
): string[] {
  const lines: string[] = [""];
  if (excerpt.label)
    lines.push(
      paint("bold", `${index + 1}. ${escapeTerminal(excerpt.label)}`) +
        paint("dim", ` ${bracketed(OURS.label)}`),
    );
  else lines.push(paint("bold", `${index + 1}.`));
  const before = excerpt.elided?.before ? "… " : "";
  const after = excerpt.elided?.after ? " …" : "";
  lines.push(
    ...wrap(
      `“${before}${emphasise(escapeTerminal(excerpt.quote), excerpt.highlights ?? [], paint)}${after}”`,
      width,
      "   │ ",
      "   │ ",
    ),
  );
  const section = excerpt.source.sectionEditorial
    ? `${excerpt.source.section} ${bracketed(OURS.sectionName)}`
    : excerpt.source.section;
  lines.push(
    paint(
      "dim",
      `   — ${escapeTerminal(citeShort(excerpt.source, answer.sources))} · ${escapeTerminal(section)}`,
    ),
  );
  return lines;
}

/**
 * Bold for the highlighted sentences, word by word so the wrap can still break between them
 * (a no-op without colour: plain text must stay exactly the source's words).
 */
function emphasise(quote: string, highlights: readonly string[], paint: Paint): string {
  if (highlights.length === 0 || !paint.coloured) return quote;
  let out = quote;
  for (const highlight of highlights) {
    const text = escapeTerminal(highlight);
    const bold = text
      .split(" ")
      .map((word) => (word ? paint("bold", word) : word))
      .join(" ");
    if (bold !== text) out = out.replace(text, bold);
  }
  return out;
}

/** Length as the terminal shows it: colour codes take no room. */
function visibleLength(text: string): number {
  return text.includes("\u001b") ? text.replace(/\p{Cc}\[[0-9;]*m/gu, "").length : text.length;
}

/** Greedy word wrap with a first-line and a continuation prefix. */
export function wrap(text: string, width: number, first: string, rest: string): string[] {
  // Lines are slices of the single-spaced text, so wrapping builds no string per word.
  const words = IRREGULAR_SPACE.test(text) ? text.split(/\s+/).filter(Boolean).join(" ") : text;
  const coloured = words.includes("\u001b");
  const restLength = visibleLength(rest);
  const out: string[] = [];
  let prefix = first;
  let shown = visibleLength(first);
  let lineStart = -1;
  let lineEnd = -1;
  for (let at = 0; at < words.length; ) {
    const space = words.indexOf(" ", at);
    const end = space < 0 ? words.length : space;
    const length = coloured ? visibleLength(words.slice(at, end)) : end - at;
    if (lineStart >= 0 && shown + 1 + length > width) {
      out.push(prefix + words.slice(lineStart, lineEnd));
      prefix = rest;
      shown = restLength + length;
      lineStart = at;
    } else {
      shown += (lineStart >= 0 ? 1 : 0) + length;
      if (lineStart < 0) lineStart = at;
    }
    lineEnd = end;
    at = end + 1;
  }
  out.push(lineStart >= 0 ? prefix + words.slice(lineStart, lineEnd) : prefix);
  return out;
}

/** Any space but a single U+0020 between words: such text is re-spaced before wrapping. */
const IRREGULAR_SPACE = /[^\S ]| {2}|^ | $/;
