/**
 * Interaction payloads shaped like Discord's (API v10), for the fake gateway to dispatch and for
 * signed HTTP requests. Ids are fixed per run so tests can assert exact routes.
 */

export const IDS = {
  application: "100000000000000001",
  guild: "200000000000000002",
  channel: "300000000000000003",
  user: "400000000000000004",
  bot: "500000000000000005",
  command: "600000000000000006",
} as const;

let sequence = 0;
/** A fresh snowflake-like id; increasing, so interactions sort in the order they were made. */
function nextId(): string {
  sequence += 1;
  return (900000000000000000n + BigInt(sequence)).toString();
}

export type OptionInput = Readonly<Record<string, string | number | boolean>>;

const STUDENT = {
  id: IDS.user,
  username: "student",
  discriminator: "0",
  global_name: "Student",
  avatar: null,
};
export const BOT_USER = {
  id: IDS.bot,
  username: "debate-prep",
  discriminator: "0",
  global_name: null,
  avatar: null,
  bot: true,
};

function base(type: number, extra: Record<string, unknown> = {}) {
  const id = nextId();
  return {
    id,
    application_id: IDS.application,
    type,
    token: `token-${id}`,
    version: 1,
    guild_id: IDS.guild,
    channel_id: IDS.channel,
    channel: {
      id: IDS.channel,
      type: 0,
      guild_id: IDS.guild,
      name: "seminar",
      flags: 0,
      permissions: "2248473465835073",
    },
    member: {
      user: STUDENT,
      roles: [],
      joined_at: "2024-01-01T00:00:00.000Z",
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      permissions: "2248473465835073",
      nick: null,
      avatar: null,
      premium_since: null,
    },
    app_permissions: "2248473465835073",
    locale: "en-GB",
    guild_locale: "en-GB",
    entitlements: [],
    authorizing_integration_owners: { "0": IDS.guild },
    context: 0,
    attachment_size_limit: 10485760,
    ...extra,
  };
}

function optionType(value: string | number | boolean): number {
  if (typeof value === "boolean") return 5;
  if (typeof value === "number") return Number.isInteger(value) ? 4 : 10;
  return 3;
}

function options(values: OptionInput, focused?: string) {
  return Object.entries(values).map(([name, value]) => ({
    name,
    type: optionType(value),
    value,
    ...(name === focused ? { focused: true } : {}),
  }));
}

/** A slash command (APPLICATION_COMMAND, CHAT_INPUT). */
export function slashCommand(name: string, values: OptionInput = {}) {
  return base(2, { data: { id: IDS.command, name, type: 1, options: options(values) } });
}

/** An autocomplete request while the user types into `focused`. */
export function autocomplete(name: string, values: OptionInput, focused: string) {
  return base(4, { data: { id: IDS.command, name, type: 1, options: options(values, focused) } });
}

/** The message a button sits on, as Discord sends it with a component interaction. */
function botMessage(components: unknown[], ephemeral = false) {
  return {
    id: nextId(),
    channel_id: IDS.channel,
    type: 20,
    content: "",
    author: BOT_USER,
    embeds: [],
    components,
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: "2024-01-01T00:00:00.000Z",
    edited_timestamp: null,
    flags: ephemeral ? 64 : 0,
    application_id: IDS.application,
    webhook_id: IDS.application,
  };
}

/** A click on a button with `customId`. */
export function buttonClick(customId: string, { ephemeral = false } = {}) {
  const row = {
    type: 1,
    components: [{ type: 2, style: 2, label: "button", custom_id: customId }],
  };
  return base(3, {
    data: { custom_id: customId, component_type: 2 },
    message: botMessage([row], ephemeral),
  });
}

/** A submitted modal whose text inputs hold `fields`. */
export function modalSubmit(
  customId: string,
  fields: Readonly<Record<string, string>>,
  { ephemeral = false } = {},
) {
  return base(5, {
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({
        type: 1,
        components: [{ type: 4, custom_id: id, value }],
      })),
    },
    message: botMessage([], ephemeral),
  });
}

export function ping() {
  return {
    id: nextId(),
    application_id: IDS.application,
    type: 1,
    token: "ping-token",
    version: 1,
    user: STUDENT,
  };
}
