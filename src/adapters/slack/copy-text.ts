/**
 * The copy text as preformatted sections under its heading, split to fit Slack's section limit
 * between lines where it can, so blocks copied one after another give the text back.
 */
import { COPY_TITLE } from "../../core/words.js";
import { SLACK_LIMITS, section } from "./blocks.js";
import { fenceSafe } from "./escape.js";
import type { Unit } from "./paginate.js";
import { splitToFit } from "./split.js";

/** A copy text needing more preformatted blocks than this goes as a file instead. */
export const COPY_INLINE_BLOCKS = 2;

const CODE_FENCE = "```";

/** The copy text's sections; more than {@link COPY_INLINE_BLOCKS} means it goes as a file. */
export function copyUnits(text: string): Unit[] {
  const heading = `*${COPY_TITLE}*`;
  const continued = `*${COPY_TITLE}* _(continued)_`;
  const more = "\n_(continues in the next block)_";
  const frame = `\n${CODE_FENCE}\n\n${CODE_FENCE}`.length;
  const budget = SLACK_LIMITS.sectionText - continued.length - more.length - frame;
  const pieces = copyPieces(text, budget);
  return pieces.map((piece, i) => ({
    block: section(
      `${i === 0 ? heading : continued}\n${CODE_FENCE}\n${fenceSafe(piece)}\n${CODE_FENCE}${i < pieces.length - 1 ? more : ""}`,
    ),
    keepWithNext: i < pieces.length - 1,
  }));
}

/**
 * Splits the copy text into pieces whose block text fits `budget`, preferring to cut between
 * lines, else at whitespace. Stops after `max + 1` pieces: enough to tell that the text does not
 * fit in `max` blocks.
 */
function copyPieces(text: string, budget: number, max = COPY_INLINE_BLOCKS): string[] {
  const measure = (rest: string) => (a: number, b: number) => fenceSafe(rest.slice(a, b)).length;
  const pieces: string[] = [];
  let rest = text;
  while (rest.trim() !== "" && pieces.length <= max) {
    if (fenceSafe(rest).length <= budget) {
      pieces.push(rest);
      break;
    }
    const [first] = splitToFit(rest, budget, measure(rest));
    const end = first?.[1] ?? rest.length;
    const newline = rest.lastIndexOf("\n", end);
    // A line break late in the piece is the better cut; an early one would waste the block.
    if (newline > end / 2) {
      pieces.push(rest.slice(0, newline));
      rest = rest.slice(newline + 1);
    } else {
      pieces.push(rest.slice(0, end));
      rest = rest.slice(end).replace(/^\s+/, "");
    }
  }
  return pieces.filter((piece) => piece.trim() !== "");
}
