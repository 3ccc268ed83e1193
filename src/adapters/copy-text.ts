/**
 * An answer's plain-text copy (`copyText`) as a `.txt` file, exactly as the command wrote it: the
 * form every chat renderer falls back to when the copy is too long to show in the reply.
 */
import type { Answer, Attachment } from "../core/answer.js";
import { COPY_TITLE } from "../core/words.js";

export function copyTextAttachment(answer: Answer): Attachment | undefined {
  const text = answer.copyText;
  if (text === undefined || text.trim() === "") return undefined;
  return {
    filename: `${answer.command}.txt`,
    contentType: "text/plain; charset=utf-8",
    data: new TextEncoder().encode(text),
    description: COPY_TITLE,
  };
}
