/**
 * The Slack app manifest, generated from the command catalogue so creating the app is one paste
 * and the slash commands Slack knows always match the ones we answer.
 */
import { stringify } from "yaml";
import type { Command, OptionSpec } from "../../core/command.js";
import { optionSpecs } from "../../core/command.js";
import { SLACK_EVENTS_PATH } from "./app.js";
import { PUBLIC_FLAG } from "./input.js";

/** Replace with the public HTTPS address of the server (HTTP mode only). */
const PLACEHOLDER_BASE_URL = "https://YOUR-HOST.example";

/**
 * Bot scopes: `commands` (slash commands), `chat:write` (messages), `files:write` (maps and other
 * attachments), `im:write` (files of a private answer go to a direct message with the student).
 */
export const BOT_SCOPES = ["commands", "chat:write", "files:write", "im:write"] as const;

export interface ManifestOptions {
  /** Socket Mode needs no request URLs; HTTP mode needs the server's public address. */
  readonly socketMode?: boolean;
  readonly baseUrl?: string;
}

/** The manifest as an object (Slack's manifest schema, version 1). */
export function slackManifest(
  catalogue: readonly Command[],
  options: ManifestOptions = {},
): Record<string, unknown> {
  const socketMode = options.socketMode ?? false;
  const url = `${(options.baseUrl ?? PLACEHOLDER_BASE_URL).replace(/\/$/, "")}${SLACK_EVENTS_PATH}`;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: "Debate Prep",
      description:
        "Verbatim, cited quotes from the seminar readings on security guarantees for Ukraine.",
      background_color: "#1d3557",
    },
    features: {
      bot_user: { display_name: "debate-prep", always_online: false },
      slash_commands: catalogue.map((command) => ({
        command: `/${command.name}`,
        ...(socketMode ? {} : { url }),
        description: command.description,
        usage_hint: usageHint(command),
        should_escape: false,
      })),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      interactivity: { is_enabled: true, ...(socketMode ? {} : { request_url: url }) },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  };
}

/** The manifest as YAML, with a header saying it is generated. */
export function slackManifestYaml(
  catalogue: readonly Command[],
  options: ManifestOptions = {},
): string {
  const header = [
    "# Slack app manifest, generated from the command catalogue by `npm run slack:manifest`.",
    "# Do not edit by hand. Create the app at https://api.slack.com/apps → Create New App → From a manifest.",
    options.socketMode
      ? "# Socket Mode: no public URL needed."
      : `# HTTP mode: replace ${PLACEHOLDER_BASE_URL} with your server's public HTTPS address.`,
  ];
  return `${header.join("\n")}\n${stringify(slackManifest(catalogue, options), { lineWidth: 0 })}`;
}

/** e.g. `<query> [--page n] [--public]` */
export function usageHint(command: Command): string {
  const parts = optionSpecs(command).map(optionHint);
  return [...parts, `[${PUBLIC_FLAG}]`].join(" ");
}

function optionHint(spec: OptionSpec): string {
  if (spec.type === "boolean") return `[--${spec.name}]`;
  const value = spec.choices && spec.choices.length <= 5 ? spec.choices.join("|") : spec.name;
  return spec.required ? `<${value}>` : `[--${spec.name} ${placeholder(spec)}]`;
}

/** What an optional value looks like: a number, an id (of a reading), or text. */
function placeholder(spec: OptionSpec): string {
  if (spec.type !== "string") return "n";
  return spec.autocomplete === "reading" ? "id" : "text";
}
