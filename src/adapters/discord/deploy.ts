/**
 * Registering the catalogue's commands with Discord: fetch what is registered, say what will
 * change (added, changed, removed, unchanged), then overwrite the whole set with one PUT — to a
 * guild while developing (changes show at once), globally otherwise.
 */
import {
  DiscordAPIError,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from "discord.js";

export type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

export interface CommandChanges {
  readonly added: readonly string[];
  readonly changed: readonly { readonly name: string; readonly what: readonly string[] }[];
  readonly removed: readonly string[];
  readonly unchanged: readonly string[];
}

export interface DeployOptions {
  readonly rest: REST;
  readonly applicationId: string;
  /** Register in this guild only (instant, for development); global when absent. */
  readonly guildId?: string | undefined;
  readonly commands: readonly CommandJson[];
  /** Only compare and report. */
  readonly dryRun?: boolean;
  /** PUT even when nothing changed. */
  readonly force?: boolean;
}

export interface DeployResult {
  readonly scope: string;
  readonly changes: CommandChanges;
  readonly written: boolean;
}

export class DeployError extends Error {
  override readonly name = "DeployError";
}

export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const scope = options.guildId ? `guild ${options.guildId}` : "global";
  try {
    const registered = (await options.rest.get(route)) as unknown[];
    const changes = diffCommands(registered, options.commands);
    const needed = changes.added.length + changes.changed.length + changes.removed.length > 0;
    const write = !options.dryRun && (needed || !!options.force);
    if (write) await options.rest.put(route, { body: options.commands });
    return { scope, changes, written: write };
  } catch (error) {
    throw explain(error, scope);
  }
}

/** The application id when DISCORD_APPLICATION_ID is not set: the bot token's own application. */
export async function fetchApplicationId(rest: REST): Promise<string> {
  try {
    const application = (await rest.get(Routes.currentApplication())) as { id?: unknown };
    if (typeof application.id !== "string")
      throw new DeployError(
        "Discord: GET /applications/@me returned no application id; set DISCORD_APPLICATION_ID",
      );
    return application.id;
  } catch (error) {
    throw explain(error, "application");
  }
}

function explain(error: unknown, scope: string): Error {
  if (!(error instanceof DiscordAPIError))
    return error instanceof Error ? error : new Error(String(error));
  if (error.status === 401)
    return new DeployError(
      "Discord refused the bot token (401): check DISCORD_TOKEN (Developer Portal → your application → Bot → Reset Token).",
    );
  if (error.status === 403 && scope.startsWith("guild")) {
    return new DeployError(
      `Discord refused access to ${scope} (403): invite the bot with the applications.commands scope, or check DISCORD_GUILD_ID.`,
    );
  }
  return new DeployError(
    `Discord answered ${error.status} (code ${String(error.code)}) for ${scope} commands: ${error.message}`,
  );
}

/** Compares registered commands (as Discord returns them, with ids and defaults) to the wanted JSON. */
export function diffCommands(
  registered: readonly unknown[],
  wanted: readonly CommandJson[],
): CommandChanges {
  const current = new Map(registered.map((raw) => normalise(raw)).map((c) => [c.name, c]));
  const added: string[] = [];
  const changed: { name: string; what: string[] }[] = [];
  const unchanged: string[] = [];
  for (const command of wanted.map(normalise)) {
    const before = current.get(command.name);
    current.delete(command.name);
    if (!before) added.push(command.name);
    else {
      const what = differences(before, command);
      if (what.length) changed.push({ name: command.name, what });
      else unchanged.push(command.name);
    }
  }
  return { added, changed, removed: [...current.keys()], unchanged };
}

/** A report for the terminal. */
export function formatChanges(result: DeployResult, dryRun = false): string {
  const { changes, scope } = result;
  const lines = [
    `Discord commands (${scope}): ${changes.added.length} added, ${changes.changed.length} changed, ${changes.removed.length} removed, ${changes.unchanged.length} unchanged`,
    ...changes.added.map((name) => `  + /${name}`),
    ...changes.changed.map((c) => `  ~ /${c.name} (${c.what.join("; ")})`),
    ...changes.removed.map((name) => `  - /${name}`),
    ...changes.unchanged.map((name) => `  = /${name}`),
  ];
  if (dryRun) lines.push("Dry run: nothing was registered.");
  else
    lines.push(
      result.written
        ? "Registered the commands."
        : "Nothing to change: the registered commands are up to date.",
    );
  return lines.join("\n");
}

interface Comparable {
  readonly name: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly options: ReadonlyMap<string, string>;
}

type Json = Record<string, unknown>;

/** The fields this bot sets, with Discord's defaults filled in, as comparable strings. */
function normalise(raw: unknown): Comparable {
  const command = (raw ?? {}) as Json;
  const options = Array.isArray(command.options) ? (command.options as Json[]) : [];
  return {
    name: String(command.name ?? ""),
    fields: { type: String(command.type ?? 1), description: String(command.description ?? "") },
    options: new Map(
      options.map((o, index) => [
        String(o.name),
        JSON.stringify({ ...normaliseOption(o), position: index }),
      ]),
    ),
  };
}

function normaliseOption(option: Json): Json {
  const choices = Array.isArray(option.choices)
    ? (option.choices as Json[]).map((c) => ({ name: c.name, value: c.value }))
    : null;
  return {
    type: option.type,
    description: option.description ?? "",
    required: option.required ?? false,
    autocomplete: option.autocomplete ?? false,
    choices: choices?.length ? choices : null,
    min_length: option.min_length ?? null,
    max_length: option.max_length ?? null,
    min_value: option.min_value ?? null,
    max_value: option.max_value ?? null,
  };
}

function differences(before: Comparable, after: Comparable): string[] {
  const what: string[] = [];
  for (const field of Object.keys(after.fields))
    if (before.fields[field] !== after.fields[field]) what.push(field);
  const added = [...after.options.keys()].filter((name) => !before.options.has(name));
  const removed = [...before.options.keys()].filter((name) => !after.options.has(name));
  const changed = [...after.options.keys()].filter(
    (name) => before.options.has(name) && before.options.get(name) !== after.options.get(name),
  );
  if (added.length) what.push(`new option${added.length > 1 ? "s" : ""} ${added.join(", ")}`);
  if (removed.length)
    what.push(`option${removed.length > 1 ? "s" : ""} ${removed.join(", ")} removed`);
  if (changed.length)
    what.push(`option${changed.length > 1 ? "s" : ""} ${changed.join(", ")} changed`);
  return what;
}
