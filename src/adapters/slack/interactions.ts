/**
 * Clicks on our messages: follow-up buttons run the command their value names; the "Answer"
 * button of a reply request opens a modal, and submitting it runs the command with the reply.
 * State travels in the button value and the modal's private_metadata (see state.ts).
 */
import type { App, BlockAction, ButtonAction, RespondArguments, webApi } from "@slack/bolt";
import { optionSpecs } from "../../core/command.js";
import { findCommand, unknownCommand } from "../../core/dispatch.js";
import { executeCommand } from "../../core/execute.js";
import { OURS, staleControlAnswer } from "../../core/words.js";
import { overLimit, type SlackContext } from "./commands.js";
import { type Delivery, deliverAnswer, type Respond } from "./deliver.js";
import { fitEscaped } from "./escape.js";
import { answerOrApologise, commandHooks } from "./failures.js";
import { FOLLOW_UP_ACTION, ours, REPLY_ACTION } from "./render.js";
import { ResponseUrlError, retrying } from "./retry.js";
import {
  type CommandState,
  decodeFollowUp,
  decodeModalState,
  decodeReplyRequest,
  encodeModalState,
  type ReplyState,
} from "./state.js";

/** The reply modal's callback id and the ids of its text input. */
export const REPLY_VIEW = "reply:submit";
export const REPLY_BLOCK = "reply";
export const REPLY_INPUT = "text";

export function registerInteractions(app: App, context: SlackContext): void {
  const { core, catalogue, logger, inFlight } = context;

  /** Runs a command named by state that came back through Slack, validated like typed input. */
  const runState = (state: CommandState, extra: Record<string, string> = {}) => {
    const command = findCommand(catalogue, state.command);
    return command
      ? executeCommand(core, command, { ...state.options, ...extra }, commandHooks(logger))
      : Promise.resolve(unknownCommand(catalogue, state.command));
  };

  /** Where an answer to a click goes: back to the clicked message's response_url. */
  const delivery = (
    client: webApi.WebClient,
    respond: Respond,
    userId: string,
    isPublic: boolean,
    channelId?: string,
  ): Delivery => ({
    client,
    respond: retrying(respond, logger),
    logger,
    channelId,
    userId,
    isPublic,
  });

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: FOLLOW_UP_ACTION },
    async ({ ack, action, body, respond, client }) => {
      await ack();
      await inFlight.run(() =>
        answerOrApologise(logger, respond, "button", async () => {
          const state = decodeFollowUp(action.value);
          const channelId = body.channel?.id ?? body.container?.channel_id;
          const command = state && findCommand(catalogue, state.command);
          const limited = state && overLimit(context, command, body.user.id, channelId);
          const result = limited || (state ? await runState(state) : staleControlAnswer());
          await deliverAnswer(
            delivery(client, respond, body.user.id, state?.isPublic ?? false, channelId),
            result,
          );
        }),
      );
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: REPLY_ACTION },
    async ({ ack, action, body, respond, client }) => {
      await ack();
      await inFlight.run(() =>
        answerOrApologise(logger, respond, "answer button", async () => {
          const state = decodeReplyRequest(action.value);
          const metadata = state && encodeModalState({ ...state, responseUrl: body.response_url });
          if (!state || !metadata) {
            await deliverAnswer(
              delivery(client, respond, body.user.id, false),
              staleControlAnswer(),
            );
            return;
          }
          // The trigger_id expires 3 s after the click, so the modal opens before anything slow.
          await client.views.open({
            trigger_id: body.trigger_id,
            view: replyModal(state, metadata, maxReplyLength(catalogue, state)),
          });
        }),
      );
    },
  );

  app.view(REPLY_VIEW, async ({ ack, view, body, client }) => {
    await ack();
    const state = decodeModalState(view.private_metadata);
    if (!state) {
      logger.warn({ user: body.user.id }, "Slack: reply modal with unreadable metadata");
      return;
    }
    const respond: Respond = (message) => postToResponseUrl(state.responseUrl, message);
    const reply = view.state.values[REPLY_BLOCK]?.[REPLY_INPUT]?.value ?? "";
    await inFlight.run(() =>
      answerOrApologise(logger, respond, "reply", async () => {
        const result = await runState(state, { [state.replyOption]: reply });
        await deliverAnswer(delivery(client, respond, body.user.id, state.isPublic), result);
      }),
    );
  });
}

/** The reply option's own limit, within Slack's 3000 for a text input. */
function maxReplyLength(catalogue: SlackContext["catalogue"], state: ReplyState): number {
  const command = findCommand(catalogue, state.command);
  const spec = command && optionSpecs(command).find((s) => s.name === state.replyOption);
  return Math.min(spec?.maxLength ?? 2000, 3000);
}

/** The modal a student types their reply in. Modal titles are at most 24 characters. */
function replyModal(state: ReplyState, metadata: string, maxLength: number) {
  return {
    type: "modal" as const,
    callback_id: REPLY_VIEW,
    private_metadata: metadata,
    title: { type: "plain_text" as const, text: "Your answer" },
    submit: { type: "plain_text" as const, text: "Send" },
    close: { type: "plain_text" as const, text: "Cancel" },
    blocks: [
      {
        type: "section" as const,
        text: {
          type: "mrkdwn" as const,
          text: `*${fitEscaped(state.prompt, 2500)}* ${ours(OURS.question)}`,
        },
      },
      {
        type: "input" as const,
        block_id: REPLY_BLOCK,
        label: { type: "plain_text" as const, text: "Your answer" },
        element: {
          type: "plain_text_input" as const,
          action_id: REPLY_INPUT,
          multiline: true,
          max_length: maxLength,
        },
      },
    ],
  };
}

/** Posts to a response_url outside Bolt's listener arguments (a modal submission has none). */
async function postToResponseUrl(url: string, message: RespondArguments): Promise<Response> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(message),
  });
  if (!response.ok) throw new ResponseUrlError(response.status);
  return response;
}
