/**
 * Blocks into messages: each page stays under Slack's block count and our character budget, and
 * a heading or label moves to the next page together with the block it introduces.
 */
import { type Block, blockSize, SLACK_LIMITS } from "./blocks.js";

/** A block plus what pagination needs to know about it. */
export interface Unit {
  readonly block: Block;
  /** Move to the next page together with the following block (headings, labels). */
  readonly keepWithNext?: boolean;
  /** Part of the editor's notes. */
  readonly note?: boolean;
  /** The excerpt (0-based) and piece this block shows, for the omission notice. */
  readonly excerpt?: { readonly index: number; readonly piece: number };
}

/** Room kept free on every page for the continuation mark and a notice. */
const PAGE_RESERVE = { blocks: 2, chars: 400 };

export function paginate(units: readonly Unit[]): Block[][] {
  const maxBlocks = SLACK_LIMITS.blocks - PAGE_RESERVE.blocks;
  const maxChars = SLACK_LIMITS.messageChars - PAGE_RESERVE.chars;
  const pages: Block[][] = [[]];
  let chars = 0;
  const fits = (blocks: number, size: number) =>
    (pages.at(-1)?.length ?? 0) + blocks <= maxBlocks && chars + size <= maxChars;
  units.forEach((unit, i) => {
    const size = blockSize(unit.block);
    const next = units[i + 1];
    const together = unit.keepWithNext && next ? size + blockSize(next.block) : size;
    const current = pages.at(-1) as Block[];
    if (current.length > 0 && !fits(unit.keepWithNext && next ? 2 : 1, together)) {
      pages.push([]);
      chars = 0;
    }
    (pages.at(-1) as Block[]).push(unit.block);
    chars += size;
  });
  return pages;
}
