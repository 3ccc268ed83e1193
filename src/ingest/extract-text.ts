/**
 * A page scraped as plain text. A scrape usually has one paragraph a line (as the seed page
 * does), and then every line is a block, kept exactly as written. Text copied from a PDF viewer
 * or an e-mail is wrapped instead: a long line that runs on into the next is joined to it.
 */
import type { Block, Extracted } from "./types.js";

/** Shorter lines are chrome or headings ("Skip to content"), never the first half of prose. */
const WRAPPED_LINE_MIN = 40;

export function extractText(text: string): Extracted {
  const blocks: Block[] = [];
  let wrapped = false;
  let previous: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") {
      previous = undefined;
      continue;
    }
    const last = blocks.at(-1);
    if (last && previous !== undefined && runsOn(previous, line)) {
      blocks[blocks.length - 1] = { text: `${last.text} ${line}`, hint: "line" };
      wrapped = true;
    } else blocks.push({ text: line, hint: "line" });
    previous = line;
  }
  return {
    format: "text",
    blocks,
    meta: {},
    metaSources: {},
    notes: wrapped ? ["wrapped lines were joined into paragraphs"] : [],
    lineForLine: !wrapped,
  };
}

/** Whether `next` continues `line`: a long line that stops mid-sentence, or goes on in lower case. */
function runsOn(line: string, next: string): boolean {
  if (line.length < WRAPPED_LINE_MIN) return false;
  return !/[.!?:…]["”’)]?$/.test(line) || /^\p{Ll}/u.test(next);
}
