/**
 * What happens when Slack work fails after `ack()`: the student gets an error with a reference
 * code, the log gets the cause beside the same code, and the app keeps serving.
 */
import type { RespondArguments, types } from "@slack/bolt";
import { type ExecuteHooks, newReference } from "../../core/execute.js";
import { failureAnswer } from "../../core/words.js";
import type { Logger } from "../../logger.js";
import type { Respond } from "./deliver.js";
import { renderAnswer } from "./render.js";

/** Hooks for `executeCommand`: a failing command handler is logged with its reference. */
export function commandHooks(logger: Logger): ExecuteHooks {
  return {
    onError: (error, reference, command) =>
      logger.error({ err: error, reference, command, platform: "slack" }, "command failed"),
  };
}

/** Runs `work`; if it throws, logs the cause and tells the student, never rethrows. */
export async function answerOrApologise(
  logger: Logger,
  respond: Respond | undefined,
  what: string,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const reference = newReference();
    logger.error({ err: error, reference, what, platform: "slack" }, "Slack handler failed");
    if (!respond) return;
    try {
      await respond(failureMessage(what, reference));
    } catch (notified) {
      logger.error(
        { err: notified, reference },
        "Slack: could not tell the student about a failure",
      );
    }
  }
}

/** The ephemeral message a student sees when we failed. */
function failureMessage(what: string, reference: string): RespondArguments {
  const command = what.startsWith("/") ? what.slice(1) : undefined;
  const [page] = renderAnswer(failureAnswer(command, reference), { isPublic: false }).messages();
  return {
    response_type: "ephemeral",
    replace_original: false,
    text: page?.text ?? `${what} failed (reference ${reference})`,
    blocks: (page?.blocks ?? []) as unknown as types.KnownBlock[],
  };
}
