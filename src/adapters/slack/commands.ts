/**
 * Every catalogue command as a Slack slash command. A cheap command is answered in the ack itself
 * (Slack shows the ack body at once; pages beyond the first follow through the response_url); if
 * the answer is not ready within ANSWER_IN_ACK_WITHIN_MS (ack.ts), or the command is expensive, or
 * files must be uploaded first, the ack goes out empty and the answer follows through the
 * response_url, well within Slack's 3 s. The text is parsed with the same parser and zod schemas
 * as the console; answers are ephemeral unless the student added `--public`.
 */
import type { AckFn, App, RespondArguments, RespondFn, SlashCommand, webApi } from "@slack/bolt";
import type { Answer } from "../../core/answer.js";
import type { Command } from "../../core/command.js";
import type { Core } from "../../core/core.js";
import { runCommandText, unknownCommand } from "../../core/dispatch.js";
import { OVER_LIMIT_MESSAGE, type RateLimiter } from "../../core/rate-limit.js";
import type { Logger } from "../../logger.js";
import type { InFlight } from "../in-flight.js";
import { SlashAck, within } from "./ack.js";
import { deliverAnswer, type Respond } from "./deliver.js";
import { answerOrApologise, commandHooks } from "./failures.js";
import { PUBLIC_FLAG, readSlashText } from "./input.js";
import { retrying } from "./retry.js";

/** What the Slack listeners share. */
export interface SlackContext {
  readonly core: Core;
  readonly catalogue: readonly Command[];
  readonly logger: Logger;
  readonly inFlight: InFlight;
  /** Per-user and per-channel limits, shared by slash commands and buttons. */
  readonly rateLimiter?: RateLimiter | undefined;
  /** How long a slash command's answer may take and still go in the ack. */
  readonly answerInAckWithinMs: number;
}

/** The "slow down" answer when a student is over the limit, or undefined to go ahead. */
export function overLimit(
  context: SlackContext,
  command: Command | undefined,
  userId: string,
  channelId: string | undefined,
): Answer | undefined {
  const name = command?.name ?? "help";
  const refused = context.rateLimiter?.refuse({ userId, channelId, cost: command?.cost }, name);
  if (refused)
    context.logger.info(
      { command: name, retryAfter: refused.retryAfterSeconds },
      OVER_LIMIT_MESSAGE,
    );
  return refused?.answer;
}

export function registerSlashCommands(app: App, context: SlackContext): void {
  const { core, catalogue, logger, inFlight } = context;
  for (const command of catalogue) {
    if (command.options.shape[PUBLIC_FLAG.slice(2)]) {
      throw new TypeError(
        `Slack: /${command.name} has an option named "${PUBLIC_FLAG.slice(2)}", which the Slack adapter uses for ${PUBLIC_FLAG}`,
      );
    }
  }
  // One listener for every command: Bolt runs each listener's middleware for every request, so
  // a listener per command would cost a chain per command on each one.
  const byName = new Map(catalogue.map((command) => [`/${command.name}`, command]));
  const hooks = commandHooks(logger);
  app.command(/^\//, ({ ack, command: payload, respond, client }) => {
    const command = byName.get(payload.command);
    return inFlight.run(() =>
      answerSlashCommand(context, { ack, payload, respond, client }, command, (args) =>
        command
          ? runCommandText(core, catalogue, command.name, args, hooks)
          : // A command Slack knows but the catalogue does not (an old manifest): say so.
            Promise.resolve(unknownCommand(catalogue, payload.command)),
      ),
    );
  });
}

/** What Bolt hands a slash command listener, the parts we use. */
interface SlashRequest {
  readonly ack: AckFn<string | RespondArguments>;
  readonly payload: SlashCommand;
  readonly respond: RespondFn;
  readonly client: webApi.WebClient;
}

/**
 * Answers one slash command: in the ack when the answer is cheap and ready in time, otherwise
 * through the response_url after an empty ack. A failure reaches the student with a reference
 * code — in the ack body if it has not gone out yet.
 */
async function answerSlashCommand(
  context: SlackContext,
  { ack, payload, respond, client }: SlashRequest,
  command: Command | undefined,
  run: (args: string) => Promise<Answer>,
): Promise<void> {
  const { logger } = context;
  const slashAck = new SlashAck(ack);
  const toStudent: Respond = async (message) => {
    if (!(await slashAck.send(message))) await respond(message);
  };
  await answerOrApologise(logger, toStudent, payload.command, async () => {
    const { args, isPublic } = readSlashText(payload.text ?? "");
    const delivery = {
      client,
      respond: retrying(respond, logger),
      logger,
      channelId: payload.channel_id,
      userId: payload.user_id,
      isPublic,
      ack: slashAck,
    };
    const limited = command && overLimit(context, command, payload.user_id, payload.channel_id);
    if (limited) return deliverAnswer(delivery, limited);
    // Expensive commands (drawings, files) take their time: ack now, answer later.
    if (command?.cost === "expensive") await slashAck.send();
    const answering = run(args);
    const answer = slashAck.sent
      ? await answering
      : await within(answering, context.answerInAckWithinMs);
    if (answer) return deliverAnswer(delivery, answer);
    await slashAck.send();
    await deliverAnswer(delivery, await answering);
  });
  // Bolt needs its ack even if telling the student failed.
  await slashAck.send();
}
