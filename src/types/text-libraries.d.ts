// Type declarations for two small text libraries that ship none.

declare module "wink-porter2-stemmer" {
  /** The Porter2 (Snowball English) stem of a lower-case word. */
  export default function stem(word: string): string;
}

declare module "stopword" {
  /** The library's English stop-word list. */
  export const eng: readonly string[];
}
