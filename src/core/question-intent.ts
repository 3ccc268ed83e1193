/**
 * What kind of answer a free question wants, decided in the core so every front end agrees:
 * a paragraph by its number ("¶13"), a definition ("what is PESCO?", "define JEF", "CARD"), the
 * argument's weak points ("what are the weaknesses of this argument?"), or passages (the rest).
 */
import type { Core } from "./core.js";
import type { GlossaryEntry } from "./corpus/model.js";
import { findGlossaryEntry } from "./glossary.js";
import { paragraphReference } from "./paragraph-answer.js";
import { contentTerms, tokenize } from "./search/terms.js";

export type QuestionIntent =
  | { readonly kind: "paragraph"; readonly number: number }
  | { readonly kind: "definition"; readonly entry: GlossaryEntry }
  /** `topic` narrows the weak points down ("objections to the JEF"); undefined for all. */
  | { readonly kind: "weaknesses"; readonly topic: string | undefined }
  | { readonly kind: "passages" };

/** "what is X", "what's X", "who are X", "define X", "meaning of X", "explain X". */
const WHAT_IS =
  /^\s*(?:what(?:'s|’s|\s+is|\s+are|\s+was|\s+were)|who(?:'s|’s|\s+is|\s+are)|define|definition\s+of|meaning\s+of|explain)\s+(?:the\s+|an?\s+)?(.+?)[\s?.!]*$/i;
/** "what does X stand for", "what does X mean". */
const STANDS_FOR = /^\s*what\s+(?:does|do)\s+(?:the\s+)?(.+?)\s+(?:stand\s+for|mean)[\s?.!]*$/i;

/** Words that ask for the weak points of the argument rather than for a topic. */
const WEAK_POINTS =
  /\b(?:weak(?:ness(?:es)?|\s+points?|\s+spots?)|criticisms?|critiques?|criticis(?:e|ing)|criticiz(?:e|ing)|counter-?\s?arguments?|objections?|flaws?|holes|gaps|limitations?|shortcomings?|loopholes?|drawbacks?|downsides?|pitfalls?|(?:wrong|problems?|issues?)\s+with)\b/i;

/** A defined name inside a short phrase counts ("the European Israel scenario"); not in a long one. */
const MAX_DEFINITION_WORDS = 4;

/**
 * The words that may stand beside a defined name in a definition question: they name what kind
 * of thing it is ("the European Israel scenario", "the PESCO projects"). Any other word asks
 * something about it ("what's wrong with the JEF"), which is not a definition.
 */
const NAMING_WORDS = new Set([
  "scenario",
  "term",
  "acronym",
  "abbreviation",
  "concept",
  "idea",
  "word",
  "name",
  "project",
  "projects",
  "programme",
  "programmes",
  "program",
  "programs",
  "mission",
  "initiative",
  "thing",
]);

export function questionIntent(core: Core, query: string): QuestionIntent {
  const paragraph = paragraphReference(query);
  if (paragraph !== undefined) return { kind: "paragraph", number: paragraph };

  const named = (WHAT_IS.exec(query) ?? STANDS_FOR.exec(query))?.[1];
  const entry = named
    ? definedWithin(core, named)
    : findGlossaryEntry(core, query.replace(/[?.!]+\s*$/, ""));
  if (entry) return { kind: "definition", entry };

  if (WEAK_POINTS.test(query)) return { kind: "weaknesses", topic: topicOf(query) };
  return { kind: "passages" };
}

/** The glossary entry a short phrase names, whole or as a run of its words. */
function definedWithin(core: Core, phrase: string): GlossaryEntry | undefined {
  const whole = findGlossaryEntry(core, phrase);
  if (whole) return whole;
  const words = tokenize(phrase);
  if (words.length > MAX_DEFINITION_WORDS) return undefined;
  for (let length = words.length - 1; length >= 1; length--)
    for (let at = 0; at + length <= words.length; at++) {
      const rest = [...words.slice(0, at), ...words.slice(at + length)];
      if (!rest.every(onlyNames)) continue;
      const entry = findGlossaryEntry(core, words.slice(at, at + length).join(" "));
      if (entry) return entry;
    }
  return undefined;
}

/** A word that may stand beside a defined name: a naming word, or one search ignores ("the"). */
function onlyNames(word: string): boolean {
  return NAMING_WORDS.has(word.toLowerCase()) || contentTerms(word).length === 0;
}

/**
 * What a weak-points question is about, in the student's words from the first word search would
 * use: "what's wrong with the JEF?" → "JEF"; undefined when nothing is left ("any weaknesses?").
 */
function topicOf(query: string): string | undefined {
  return questionTopic(query.replace(new RegExp(WEAK_POINTS.source, "gi"), " "));
}

/**
 * A question's topic in the student's words: from its first word search would use, without the
 * closing punctuation ("what is the coalition of the willing?" → "coalition of the willing");
 * undefined when no word is left. For the commands an answer leads on to.
 */
export function questionTopic(question: string): string | undefined {
  const words = question.split(/\s+/).filter(Boolean);
  const first = words.findIndex((word) => contentTerms(word).length > 0);
  if (first < 0) return undefined;
  return words
    .slice(first)
    .join(" ")
    .replace(/[\s?.!]+$/, "");
}
