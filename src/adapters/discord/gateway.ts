/**
 * Gateway mode: the real discord.js client, logged in with the bot token, receiving interactions
 * over the gateway WebSocket. The bot only answers slash commands, so it asks for the `Guilds`
 * intent alone, caches next to nothing, and never lets a message mention anyone.
 */
import {
  type BaseInteraction,
  Client,
  Events,
  GatewayIntentBits,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  Options,
  RESTEvents,
  type RepliableInteraction,
} from "discord.js";
import { ConfigError } from "../../config.js";
import type { Command } from "../../core/command.js";
import type { Core } from "../../core/core.js";
import { RateLimiter, type RateLimitPolicy } from "../../core/rate-limit.js";
import type { Logger } from "../../logger.js";
import { InFlight } from "../in-flight.js";
import type { Responder } from "./deliver.js";
import type { InteractionRequest, RawOption } from "./interactions.js";
import type { DiscordMessage } from "./message.js";
import { respondToInteraction, type Transport } from "./respond.js";

export interface DiscordGatewayOptions {
  readonly token: string;
  /**
   * The REST API base (default Discord's, `https://discord.com/api`), e.g. a REST proxy. The
   * gateway's WebSocket URL is whatever that API's `GET /gateway/bot` returns.
   */
  readonly apiUrl?: string | undefined;
  readonly core: Core;
  readonly catalogue: readonly Command[];
  readonly logger: Logger;
  /** See {@link deliverAnswer}; tests shorten it. */
  readonly deferAfterMs?: number;
  /** How long `stop()` waits for answers in flight before closing the connection. */
  readonly shutdownGraceMs?: number;
  /** Per-user and per-channel limits (RATE_LIMIT_*); none when undefined. */
  readonly rateLimit?: RateLimitPolicy | undefined;
}

export interface DiscordGateway {
  readonly client: Client<true>;
  /** Waits for answers in flight (at most `shutdownGraceMs`), then closes the gateway connection. */
  stop(): Promise<void>;
}

/** A discord.js client for an interactions-only bot. */
function createDiscordClient(apiUrl: string | undefined): Client {
  const isSelf = (entity: { id: string; client: Client }) => entity.id === entity.client.user?.id;
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
    // Interactions carry the user, member and channel they need; nothing else is worth keeping.
    makeCache: Options.cacheWithLimits({
      MessageManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: isSelf },
      UserManager: { maxSize: 0, keepOverLimit: isSelf },
      ThreadManager: 0,
      ThreadMemberManager: 0,
      GuildTextThreadManager: 0,
      GuildForumThreadManager: 0,
      VoiceStateManager: 0,
      StageInstanceManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      ApplicationEmojiManager: 0,
      GuildStickerManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      GuildScheduledEventManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      EntitlementManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: 1800, filter: () => (user) => !isSelf(user) },
      guildMembers: { interval: 1800, filter: () => (member) => !isSelf(member) },
      messages: { interval: 1800, lifetime: 900 },
    },
  });
}

/** Logs in and resolves once the client is ready; rejects when Discord refuses the token. */
export async function startDiscordGateway(options: DiscordGatewayOptions): Promise<DiscordGateway> {
  const logger = options.logger.child({ adapter: "discord-gateway" });
  const client = createDiscordClient(options.apiUrl);
  const inFlight = new InFlight();
  const limiter = options.rateLimit && new RateLimiter(options.rateLimit);

  client.on(Events.InteractionCreate, (interaction) => {
    void inFlight.run(() => handle(interaction, options, logger, limiter));
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord.js client error"));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ shard, code: event.code }, "gateway disconnected"),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, "gateway reconnecting"));
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info({ shard, replayed }, "gateway resumed"),
  );
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn(
      { route: info.route, retryAfter: info.retryAfter, global: info.global },
      "Discord rate limit: discord.js waits and retries",
    ),
  );

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(options.token);
  } catch (error) {
    client.rest.clearHashSweeper();
    client.rest.clearHandlerSweeper();
    throw loginFailure(error, options.apiUrl);
  }
  const readyClient = await ready;
  logger.info(
    { user: readyClient.user.tag, id: readyClient.user.id, commands: options.catalogue.length },
    "Discord gateway ready",
  );

  return {
    client: readyClient,
    stop: async () => {
      await inFlight.drain(options.shutdownGraceMs);
      // Closing the socket makes discord.js report shard events; they are noise once we stop.
      client.removeAllListeners();
      await client.destroy();
      client.rest.clearHashSweeper();
      client.rest.clearHandlerSweeper();
      logger.info("Discord gateway closed");
    },
  };
}

/** A login failure as an error that says what to fix. */
function loginFailure(error: unknown, apiUrl: string | undefined): Error {
  if (error instanceof Error && "code" in error && error.code === "TokenInvalid") {
    return new ConfigError(
      "Configuration: Discord refused DISCORD_TOKEN (401 Unauthorized). Copy the bot token again (Developer Portal → your application → Bot → Reset Token).",
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ConfigError(
    `Discord: could not log in through ${apiUrl ?? "https://discord.com/api"} (${reason}). Check DISCORD_API_URL and the network.`,
    { cause: error },
  );
}

/** One interaction, start to end (respond.ts), its responses sent through discord.js. */
function handle(
  interaction: BaseInteraction,
  options: DiscordGatewayOptions,
  logger: Logger,
  limiter: RateLimiter | undefined,
): Promise<void> {
  const request = toRequest(interaction);
  const log = logger.child({
    interaction: interaction.id,
    kind: request.kind,
    user: interaction.user.id,
  });
  return respondToInteraction(
    {
      core: options.core,
      catalogue: options.catalogue,
      logger: log,
      limiter,
      deferAfterMs: options.deferAfterMs,
    },
    request,
    { userId: interaction.user.id, channelId: interaction.channelId ?? undefined },
    transportFor(interaction),
  );
}

function transportFor(interaction: BaseInteraction): Transport {
  return {
    pong: async () => {},
    choices: async (choices) => {
      if (interaction.isAutocomplete()) await interaction.respond([...choices]);
    },
    modal: async (modal) => {
      if (interaction.isButton()) await interaction.showModal(modal);
    },
    responder: interaction.isRepliable() ? responderFor(interaction) : undefined,
    fail: async (message) => {
      if (!interaction.isRepliable()) return;
      if (interaction.deferred || interaction.replied)
        await interaction.followUp(replyOptions(message));
      else await interaction.reply(replyOptions(message));
    },
  };
}

function toRequest(interaction: BaseInteraction): InteractionRequest {
  if (interaction.isChatInputCommand())
    return {
      kind: "command",
      name: interaction.commandName,
      options: interaction.options.data.map(rawOption),
    };
  if (interaction.isAutocomplete())
    return {
      kind: "autocomplete",
      name: interaction.commandName,
      options: interaction.options.data.map(rawOption),
    };
  if (interaction.isButton())
    return {
      kind: "button",
      customId: interaction.customId,
      ephemeral: interaction.message.flags.has(MessageFlags.Ephemeral),
    };
  if (interaction.isModalSubmit()) {
    const fields: Record<string, string> = {};
    for (const [id, field] of interaction.fields.fields)
      if ("value" in field && typeof field.value === "string") fields[id] = field.value;
    return {
      kind: "modal",
      customId: interaction.customId,
      fields,
      ephemeral: interaction.message?.flags.has(MessageFlags.Ephemeral) ?? false,
    };
  }
  return { kind: "unsupported", what: `interactions of type ${interaction.type}` };
}

function rawOption(option: {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: readonly unknown[];
}): RawOption {
  const value = option.value;
  return {
    name: option.name,
    type: option.type,
    ...(typeof value === "string" || typeof value === "number" || typeof value === "boolean"
      ? { value }
      : {}),
    ...(option.focused ? { focused: true } : {}),
    ...(option.options ? { options: (option.options as (typeof option)[]).map(rawOption) } : {}),
  };
}

function responderFor(interaction: RepliableInteraction): Responder {
  return {
    reply: async (message) => {
      await interaction.reply(replyOptions(message));
    },
    defer: async (ephemeral) => {
      await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    },
    editOriginal: async (message) => {
      await interaction.editReply(editOptions(message));
    },
    deleteOriginal: async () => {
      await interaction.deleteReply();
    },
    followUp: async (message) => {
      await interaction.followUp(replyOptions(message));
    },
  };
}

function files(message: DiscordMessage) {
  return message.files.map((file) => ({
    attachment: Buffer.from(file.data),
    name: file.filename,
    description: file.description,
  }));
}

function replyOptions(message: DiscordMessage): InteractionReplyOptions {
  return {
    ...(message.content === undefined ? {} : { content: message.content }),
    embeds: [...message.embeds],
    components: [...message.components],
    ...(message.flags === undefined ? {} : { flags: MessageFlags.Ephemeral }),
    allowedMentions: { parse: [] },
    files: files(message),
  };
}

function editOptions(message: DiscordMessage): InteractionEditReplyOptions {
  return {
    ...(message.content === undefined ? {} : { content: message.content }),
    embeds: [...message.embeds],
    components: [...message.components],
    allowedMentions: { parse: [] },
    files: files(message),
  };
}
