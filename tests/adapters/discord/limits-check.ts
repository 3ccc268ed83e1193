/** Checks a rendered Discord message against every limit Discord enforces; returns the problems found. */
import type { APIEmbed } from "discord.js";
import { embedLength } from "../../../src/adapters/discord/embeds.js";
import { LIMITS } from "../../../src/adapters/discord/limits.js";
import type { DiscordMessage } from "../../../src/adapters/discord/message.js";

export function limitProblems(
  message: Pick<DiscordMessage, "content" | "embeds" | "components">,
): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check((message.content ?? "").length <= LIMITS.content, "content over 2000");
  check(message.embeds.length <= LIMITS.embedsPerMessage, "more than 10 embeds");
  check(
    message.embeds.reduce((sum, e) => sum + embedLength(e), 0) <= LIMITS.embedCharsPerMessage,
    "embeds over 6000 characters",
  );
  message.embeds.forEach((embed: APIEmbed, i) => {
    check((embed.title ?? "").length <= LIMITS.embedTitle, `embed ${i}: title over 256`);
    check(
      (embed.description ?? "").length <= LIMITS.embedDescription,
      `embed ${i}: description over 4096`,
    );
    check((embed.footer?.text ?? "").length <= LIMITS.footerText, `embed ${i}: footer over 2048`);
    check((embed.fields ?? []).length <= LIMITS.fieldsPerEmbed, `embed ${i}: more than 25 fields`);
    check(
      !!(embed.title || embed.description || embed.fields?.length || embed.image),
      `embed ${i}: empty`,
    );
    for (const field of embed.fields ?? []) {
      check(
        field.name.length >= 1 && field.name.length <= LIMITS.fieldName,
        `embed ${i}: field name length ${field.name.length}`,
      );
      check(
        field.value.length >= 1 && field.value.length <= LIMITS.fieldValue,
        `embed ${i}: field value length ${field.value.length}`,
      );
    }
  });
  check(message.components.length <= LIMITS.rowsPerMessage, "more than 5 rows");
  const ids = new Set<string>();
  for (const row of message.components) {
    check(
      row.components.length >= 1 && row.components.length <= LIMITS.buttonsPerRow,
      "row with 0 or more than 5 buttons",
    );
    for (const button of row.components) {
      check(button.custom_id.length <= LIMITS.customId, `custom_id over 100: ${button.custom_id}`);
      check(!ids.has(button.custom_id), `duplicate custom_id ${button.custom_id}`);
      ids.add(button.custom_id);
      check(
        (button.label ?? "").length >= 1 && (button.label ?? "").length <= LIMITS.buttonLabel,
        "button label length",
      );
    }
  }
  return problems;
}

/** Every text Discord would render or parse for mentions (not custom ids). */
export function visibleTexts(
  message: Pick<DiscordMessage, "content" | "embeds" | "components">,
): string[] {
  return [
    message.content ?? "",
    ...message.embeds.flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      e.footer?.text ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
    ...message.components.flatMap((row) => row.components.map((b) => b.label ?? "")),
  ];
}

/** Mention syntax Discord would act on. */
export const LIVE_MENTION = /@everyone|@here|<@[!&]?\d|<#\d|<\/|<a?:\w+:\d|<t:\d/i;
