/**
 * The `--json` form of an Answer: a public contract for scripts. Every verbatim excerpt is an
 * object with `quote` (exactly the source text) and `source` (document id, section, paragraph,
 * URL), listed in rank order. Attachments are described, not inlined.
 */
import type { Answer } from "../../core/answer.js";

const JSON_FORMAT_VERSION = 1;

export function answerToJson(answer: Answer): Record<string, unknown> {
  const { attachments, ...rest } = answer;
  return {
    formatVersion: JSON_FORMAT_VERSION,
    ...rest,
    ...(attachments
      ? {
          attachments: attachments.map(({ data, ...meta }) => ({
            ...meta,
            bytes: data.byteLength,
          })),
        }
      : {}),
  };
}
