/**
 * Every catalogue command as a Slack slash command. Each listener acks at once (Slack allows
 * 3 s), then parses the text with the same parser and zod schemas as the console, runs the
 * command, and responds — ephemeral unless the student added `--public`.
 */
import type { App } from "@slack/bolt";
import type { Answer } from "../../core/answer.js";
import type { Command } from "../../core/command.js";
import type { Core } from "../../core/core.js";
import { runCommandText, unknownCommand } from "../../core/dispatch.js";
import { type RateLimiter, slowDown } from "../../core/rate-limit.js";
import type { Logger } from "../../logger.js";
import type { InFlight } from "../in-flight.js";
import { deliverAnswer } from "./deliver.js";
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
}

/** The "slow down" answer when a student is over the limit, or undefined to go ahead. */
export function overLimit(
  context: SlackContext,
  command: Command | undefined,
  userId: string,
  channelId: string | undefined,
): Answer | undefined {
  const decision = context.rateLimiter?.check({ userId, channelId, cost: command?.cost });
  return decision && !decision.allowed
    ? slowDown(command?.name ?? "help", decision.retryAfterSeconds)
    : undefined;
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
  for (const command of catalogue) {
    app.command(`/${command.name}`, async ({ ack, command: payload, respond, client }) => {
      await ack();
      await inFlight.run(() =>
        answerOrApologise(logger, respond, `/${command.name}`, async () => {
          const { args, isPublic } = readSlashText(payload.text ?? "");
          const answer =
            overLimit(context, command, payload.user_id, payload.channel_id) ??
            (await runCommandText(core, catalogue, command.name, args, commandHooks(logger)));
          await deliverAnswer(
            {
              client,
              respond: retrying(respond, logger),
              logger,
              channelId: payload.channel_id,
              userId: payload.user_id,
              isPublic,
            },
            answer,
          );
        }),
      );
    });
  }
  // A command Slack knows but the catalogue does not (an old manifest): say so, with suggestions.
  app.command(notIn(catalogue), async ({ ack, command: payload, respond, client }) => {
    await ack();
    await inFlight.run(() =>
      answerOrApologise(logger, respond, payload.command, async () => {
        const answer = unknownCommand(catalogue, payload.command);
        await deliverAnswer(
          {
            client,
            respond: retrying(respond, logger),
            logger,
            channelId: payload.channel_id,
            userId: payload.user_id,
            isPublic: false,
          },
          answer,
        );
      }),
    );
  });
}

function notIn(catalogue: readonly Command[]): RegExp {
  const names = catalogue.map((c) => c.name.replace(/[^a-z0-9-]/g, "")).join("|");
  return new RegExp(`^/(?!(?:${names})$)`);
}
