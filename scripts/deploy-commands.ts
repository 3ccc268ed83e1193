/**
 * `npm run deploy-commands [-- --dry-run] [-- --force]`: registers every command of the catalogue
 * with Discord — in DISCORD_GUILD_ID when set (instant; for development), globally otherwise —
 * after printing what changes. Needs DISCORD_TOKEN; DISCORD_APPLICATION_ID is looked up from the
 * token when not set; DISCORD_API_URL points it at a REST proxy (or a local fake in tests).
 */
import "dotenv/config";
import { REST } from "discord.js";
import { catalogue } from "../commands/index.js";
import {
  DeployError,
  deployCommands,
  fetchApplicationId,
  formatChanges,
} from "../src/adapters/discord/deploy.js";
import { catalogueRegistration, RegistrationError } from "../src/adapters/discord/registration.js";
import { ConfigError, parseConfig } from "../src/config.js";

async function main(args: readonly string[]): Promise<number> {
  const unknown = args.filter((a) => a !== "--dry-run" && a !== "--force");
  if (unknown.length) {
    process.stderr.write(
      `deploy-commands: unknown argument ${unknown.join(" ")} (known: --dry-run, --force)\n`,
    );
    return 2;
  }
  const config = parseConfig(process.env);
  const token = config.discord.token;
  if (!token) {
    process.stderr.write(
      "deploy-commands: set DISCORD_TOKEN (Developer Portal → your application → Bot → token) in the environment or .env\n",
    );
    return 2;
  }
  const rest = new REST(config.discord.apiUrl ? { api: config.discord.apiUrl } : {}).setToken(
    token,
  );
  try {
    const commands = catalogueRegistration(catalogue);
    const applicationId = config.discord.applicationId ?? (await fetchApplicationId(rest));
    const dryRun = args.includes("--dry-run");
    const result = await deployCommands({
      rest,
      applicationId,
      guildId: config.discord.guildId,
      commands,
      dryRun,
      force: args.includes("--force"),
    });
    process.stdout.write(`${formatChanges(result, dryRun)}\n`);
    return 0;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known =
      error instanceof DeployError ||
      error instanceof ConfigError ||
      error instanceof RegistrationError;
    process.stderr.write(
      `${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
