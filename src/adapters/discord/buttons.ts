/**
 * The buttons of an answer: "Answer" for a reply request, then one per follow-up, their state in
 * the custom id. A button whose state does not fit, or beyond Discord's 25, is left out with a
 * warning for the developer rather than sent broken.
 */
import type { APIActionRowComponent, APIButtonComponentWithCustomId } from "discord.js";
import { ButtonStyle, ComponentType } from "discord.js";
import type { Answer } from "../../core/answer.js";
import { encodeCustomId } from "./custom-id.js";
import { fitEscaped, plainText } from "./escape.js";
import { LIMITS } from "./limits.js";

/** The label of the button that opens the reply modal for a `replyRequest`. */
export const REPLY_BUTTON_LABEL = "Answer";

export function buttonRows(
  answer: Answer,
  warnings: string[],
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  const seen = new Set<string>();
  const add = (
    id: string | undefined,
    label: string,
    style: ButtonStyle.Primary | ButtonStyle.Secondary,
    what: string,
  ) => {
    if (id === undefined) {
      warnings.push(
        `${what}: its state does not fit Discord's 100-character custom_id, so the button is left out`,
      );
      return;
    }
    if (seen.has(id)) return;
    if (buttons.length === LIMITS.buttonsPerRow * LIMITS.rowsPerMessage) {
      warnings.push(`${what}: a message holds at most 25 buttons, so the button is left out`);
      return;
    }
    seen.add(id);
    buttons.push({
      type: ComponentType.Button,
      style,
      label: fitEscaped(label, LIMITS.buttonLabel, plainText) || "…",
      custom_id: id,
    });
  };
  const request = answer.replyRequest;
  if (request) {
    const state = {
      kind: "reply",
      command: request.command,
      options: request.options,
      replyOption: request.replyOption,
    } as const;
    add(
      encodeCustomId(state),
      REPLY_BUTTON_LABEL,
      ButtonStyle.Primary,
      `reply to /${request.command}`,
    );
  }
  for (const followUp of answer.followUps) {
    const id = encodeCustomId({
      kind: "follow-up",
      command: followUp.command,
      options: followUp.options,
    });
    add(
      id,
      followUp.label || `/${followUp.command}`,
      ButtonStyle.Secondary,
      `follow-up "${followUp.label}" (/${followUp.command})`,
    );
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: buttons.slice(i, i + LIMITS.buttonsPerRow),
    });
  }
  return rows;
}
