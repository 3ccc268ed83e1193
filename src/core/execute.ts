/**
 * Running a command: sanitise the raw options, check them with the command's zod schema, run the
 * handler, and turn every failure into an answer the user can act on. Never throws.
 */
import { randomBytes } from "node:crypto";
import { type Answer, answer } from "./answer.js";
import type { Command } from "./command.js";
import { optionSpecs } from "./command.js";
import type { Core } from "./core.js";
import { sanitizeText, shorten } from "./input.js";
import { failureAnswer, invalidInputTitle, optionProblem } from "./words.js";

export interface ExecuteHooks {
  /** Called with a handler's exception and the reference code shown to the user. */
  readonly onError?: (error: unknown, reference: string, command: string) => void;
}

/** A short code a student can quote to a tutor, and that appears beside the cause in the log. */
export function newReference(): string {
  return `ERR-${randomBytes(4).toString("hex").toUpperCase()}`;
}

export async function executeCommand(
  core: Core,
  command: Command,
  raw: Readonly<Record<string, unknown>>,
  hooks: ExecuteHooks = {},
): Promise<Answer> {
  const notices: string[] = [];
  const cleaned: Record<string, unknown> = {};
  for (const spec of optionSpecs(command)) {
    const value = raw[spec.name];
    if (value === undefined || value === null || value === "") continue;
    if (typeof value !== "string") {
      cleaned[spec.name] = value;
      continue;
    }
    const text = sanitizeText(value);
    if (spec.maxLength !== undefined && text.length > spec.maxLength) {
      cleaned[spec.name] = shorten(text, spec.maxLength).replace(/…$/, "");
      notices.push(
        `Your ${spec.name} was longer than ${spec.maxLength} characters, so only its start was used.`,
      );
    } else if (text !== "") cleaned[spec.name] = text;
  }

  const parsed = command.options.safeParse(cleaned);
  if (!parsed.success) {
    const specs = new Map(optionSpecs(command).map((spec) => [spec.name, spec]));
    return answer(command.name, invalidInputTitle(command.name), {
      status: "invalid-input",
      notices: parsed.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const spec = specs.get(name);
        // zod's own words ("Invalid input: expected string, received undefined") are for
        // programmers: an option we know is explained from its declaration instead.
        return spec
          ? optionProblem(spec, cleaned[name])
          : name
            ? `${name}: ${issue.message}`
            : issue.message;
      }),
      suggestions: command.examples.map((e) => `/${e}`),
    });
  }

  try {
    const result = await command.run(core, parsed.data);
    return notices.length
      ? { ...result, notices: [...notices, ...(result.notices ?? [])] }
      : result;
  } catch (error) {
    const reference = newReference();
    hooks.onError?.(error, reference, command.name);
    return failureAnswer(command.name, reference);
  }
}
