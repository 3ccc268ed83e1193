/**
 * Slash-command text as Slack sends it → the command's argument text and where to answer.
 * Slack HTML-escapes `&`, `<` and `>` in command text; we undo that so the core sees what the
 * student typed (the renderer escapes everything again on the way out).
 */

/** The adapter's own flag: post the answer to the channel instead of only to the student. */
export const PUBLIC_FLAG = "--public";

export interface SlashText {
  /** The arguments for the command's parser, without the adapter's flag. */
  readonly args: string;
  /** Whether the student asked for the answer to be posted to the channel. */
  readonly isPublic: boolean;
}

/** Undoes Slack's escaping of `&`, `<`, `>` (`&amp;` last, so `&amp;lt;` stays `&lt;`). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Reads the text after `/command`: a leading or trailing `--public` makes the answer public. */
export function readSlashText(raw: string): SlashText {
  const words = unescapeSlack(raw).trim().split(/\s+/).filter(Boolean);
  let isPublic = false;
  if (words[0]?.toLowerCase() === PUBLIC_FLAG) {
    words.shift();
    isPublic = true;
  }
  if (words.at(-1)?.toLowerCase() === PUBLIC_FLAG) {
    words.pop();
    isPublic = true;
  }
  return { args: words.join(" "), isPublic };
}
