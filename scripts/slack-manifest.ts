/**
 * `npm run slack:manifest`: writes the Slack app manifest from the command catalogue.
 *   (no options)         HTTP mode with placeholder URLs → manifest.yml, the committed file
 *   --url https://host   HTTP mode with the server's public address → manifest.local.yml
 *   --socket-mode        Socket Mode (no request URLs) → manifest.local.yml
 *   --stdout             print instead of writing a file
 * Only the placeholder manifest goes to the committed manifest.yml (a test checks it is up to
 * date), so making one for your own server never leaves the checkout failing its tests.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { catalogue } from "../commands/index.js";
import { slackManifestYaml } from "../src/adapters/slack/manifest.js";
import { projectRoot } from "../src/core/paths.js";

const OPTIONS = "the options are --url https://your.host, --socket-mode and --stdout";

/** Exits with one line saying what is wrong: no stack trace for a mistyped argument. */
function fail(message: string): never {
  process.stderr.write(`slack:manifest: ${message}\n`);
  process.exit(2);
}

let values: { "socket-mode": boolean; url?: string | undefined; stdout: boolean };
try {
  ({ values } = parseArgs({
    options: {
      "socket-mode": { type: "boolean", default: false },
      url: { type: "string" },
      stdout: { type: "boolean", default: false },
    },
  }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}; ${OPTIONS}`);
}

if (values.url !== undefined) {
  let url: URL | undefined;
  try {
    url = new URL(values.url);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname)
    fail(
      `--url must be the server's public address, e.g. https://debate.example.edu (got "${values.url}")`,
    );
  if (values["socket-mode"])
    fail("--url and --socket-mode do not go together: Socket Mode needs no URL");
}

const yaml = slackManifestYaml(catalogue, {
  socketMode: values["socket-mode"],
  ...(values.url ? { baseUrl: values.url } : {}),
});
if (values.stdout) process.stdout.write(yaml);
else {
  const custom = values.url !== undefined || values["socket-mode"];
  const path = join(projectRoot(), custom ? "manifest.local.yml" : "manifest.yml");
  writeFileSync(path, yaml);
  process.stderr.write(`Wrote ${path} (${catalogue.length} slash commands).\n`);
}
