/**
 * Configuration, parsed once at start-up from the environment (and `.env`, through dotenv).
 * Nothing else reads `process.env`. Errors name the variable and what is expected, never a value.
 */
import { z } from "zod";
import { defaultCorpusRoot } from "./core/paths.js";

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.url({ protocol: /^https?$/ }).optional())
  .optional();

/** A per-minute budget: a whole number from 1 to 10,000. */
function perMinute(fallback: number) {
  const expected = "a whole number from 1 to 10000";
  return z.coerce
    .number({ error: expected })
    .int(expected)
    .min(1, expected)
    .max(10_000, expected)
    .default(fallback);
}

const configSchema = z.object({
  DISCORD_TOKEN: optionalText,
  DISCORD_API_URL: optionalUrl,
  DISCORD_PUBLIC_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^[0-9a-f]{64}$/i, "a 64-character hex Ed25519 public key")
      .optional(),
  ),
  DISCORD_APPLICATION_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, "a numeric application id (snowflake)")
      .optional(),
  ),
  DISCORD_GUILD_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{5,25}$/, "a numeric guild id (snowflake)")
      .optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith("xoxb-", "a bot token starting with xoxb-").optional(),
  ),
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith("xapp-", "an app-level token starting with xapp-").optional(),
  ),
  SLACK_API_URL: optionalUrl,
  /** Where the map page is reachable from outside, e.g. https://debate.example.edu (no trailing path). */
  PUBLIC_URL: optionalUrl,
  PORT: z.coerce
    .number({ error: "a port number from 0 to 65535" })
    .int("a port number from 0 to 65535")
    .min(0, "a port number from 0 to 65535")
    .max(65535, "a port number from 0 to 65535")
    .default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),
  CORPUS_DIR: optionalText,
  DRILL_SECRET: optionalText,
  RATE_LIMIT_PER_MINUTE: perMinute(20),
  RATE_LIMIT_EXPENSIVE_PER_MINUTE: perMinute(4),
});

/** The variables whose values must never be printed. */
export const SECRET_KEYS = [
  "DISCORD_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "DRILL_SECRET",
] as const;

export interface Config {
  readonly discord: {
    readonly token: string | undefined;
    readonly apiUrl: string | undefined;
    readonly publicKey: string | undefined;
    readonly applicationId: string | undefined;
    readonly guildId: string | undefined;
  };
  readonly slack: {
    readonly signingSecret: string | undefined;
    readonly botToken: string | undefined;
    readonly appToken: string | undefined;
    readonly apiUrl: string | undefined;
  };
  readonly http: { readonly port: number; readonly host: string };
  /** The map page's public address: `/map` answers in chat link to it when set. */
  readonly publicUrl: string | undefined;
  readonly logLevel: string;
  readonly corpusDir: string;
  readonly drillSecret: string | undefined;
  readonly rateLimit: { readonly perMinute: number; readonly expensivePerMinute: number };
}

export class ConfigError extends Error {
  override readonly name: string = "ConfigError";
}

/** Parses the environment; throws a {@link ConfigError} naming each bad variable. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${String(issue.path[0] ?? "?")}: expected ${issue.message}`,
    );
    throw new ConfigError(`Configuration: ${problems.join("; ")}; set in the environment or .env.`);
  }
  const e = result.data;
  const config: Config = {
    discord: {
      token: e.DISCORD_TOKEN,
      apiUrl: e.DISCORD_API_URL,
      publicKey: e.DISCORD_PUBLIC_KEY,
      applicationId: e.DISCORD_APPLICATION_ID,
      guildId: e.DISCORD_GUILD_ID,
    },
    slack: {
      signingSecret: e.SLACK_SIGNING_SECRET,
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
    },
    http: { port: e.PORT, host: e.HOST },
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    logLevel: e.LOG_LEVEL,
    corpusDir: e.CORPUS_DIR ?? defaultCorpusRoot(),
    drillSecret: e.DRILL_SECRET,
    rateLimit: {
      perMinute: e.RATE_LIMIT_PER_MINUTE,
      expensivePerMinute: e.RATE_LIMIT_EXPENSIVE_PER_MINUTE,
    },
  };
  if (config.discord.publicKey && !config.discord.applicationId)
    throw new ConfigError(
      "Configuration: DISCORD_PUBLIC_KEY is set, so DISCORD_APPLICATION_ID is needed too.",
    );
  if (config.slack.botToken && !config.slack.signingSecret && !config.slack.appToken) {
    throw new ConfigError(
      "Configuration: SLACK_BOT_TOKEN is set, so SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) is needed too.",
    );
  }
  return deepFreeze(config);
}

/** Which front ends the configuration asks for; the console when no chat platform is set up. */
export function modes(config: Config): {
  discordGateway: boolean;
  discordHttp: boolean;
  slackHttp: boolean;
  slackSocket: boolean;
  console: boolean;
} {
  const discordGateway = !!config.discord.token;
  const discordHttp = !!config.discord.publicKey && !!config.discord.applicationId;
  const slackSocket = !!config.slack.appToken && !!config.slack.botToken;
  const slackHttp = !slackSocket && !!config.slack.signingSecret && !!config.slack.botToken;
  return {
    discordGateway,
    discordHttp,
    slackHttp,
    slackSocket,
    console: !(discordGateway || discordHttp || slackHttp || slackSocket),
  };
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value))
    if (child && typeof child === "object") deepFreeze(child);
  return Object.freeze(value);
}
