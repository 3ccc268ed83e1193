/**
 * One spelling for words British and American English spell apart ("defense" and "defence",
 * "program" and "programme", "organize" and "organise"), so a student's spelling finds the
 * reading's, and readings in either spelling meet. The pairs (1,714 words) come from
 * `american-british-english-translator`; its translator itself is not used.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const AMERICAN_TO_BRITISH: ReadonlyMap<string, string> = new Map(
  Object.entries(
    JSON.parse(
      readFileSync(
        fileURLToPath(
          import.meta.resolve("american-british-english-translator/data/american_spellings.json"),
        ),
        "utf8",
      ),
    ) as Record<string, string>,
  ),
);

/** The British spelling of a folded word, or the word itself when the two do not differ. */
export function britishSpelling(folded: string): string {
  return AMERICAN_TO_BRITISH.get(folded) ?? folded;
}
