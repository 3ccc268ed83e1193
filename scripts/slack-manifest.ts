/**
 * `npm run slack:manifest`: writes `manifest.yml` at the repository root from the command
 * catalogue (HTTP mode with placeholder URLs). Options:
 *   --socket-mode        a manifest for Socket Mode (no request URLs)
 *   --url https://host   the server's public address instead of the placeholder
 *   --stdout             print instead of writing manifest.yml
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { catalogue } from "../commands/index.js";
import { slackManifestYaml } from "../src/adapters/slack/manifest.js";
import { projectRoot } from "../src/core/paths.js";

const { values } = parseArgs({
  options: {
    "socket-mode": { type: "boolean", default: false },
    url: { type: "string" },
    stdout: { type: "boolean", default: false },
  },
});
const yaml = slackManifestYaml(catalogue, {
  socketMode: values["socket-mode"],
  ...(values.url ? { baseUrl: values.url } : {}),
});
if (values.stdout) process.stdout.write(yaml);
else {
  const path = join(projectRoot(), "manifest.yml");
  writeFileSync(path, yaml);
  console.error(`Wrote ${path} (${catalogue.length} slash commands).`);
}
