/**
 * Writes the JSON export's JSON Schema, generated from its zod schemas, to
 * docs/schema/argument-map.schema.json, formatted by Biome so `npm run lint` stays clean. A test
 * checks the committed file holds the generated schema, so run this after changing
 * src/core/export/schema.ts: `npm run -s build && node dist/scripts/export-schema.js`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { ARGUMENT_MAP_SCHEMA_PATH, argumentMapSchemaFileText } from "../src/core/export/schema.js";
import { projectRoot } from "../src/core/paths.js";

const path = join(projectRoot(), ARGUMENT_MAP_SCHEMA_PATH);
mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, argumentMapSchemaFileText());
try {
  const biome = createRequire(import.meta.url).resolve("@biomejs/biome/bin/biome");
  execFileSync(process.execPath, [biome, "format", "--write", path], { stdio: "ignore" });
} catch {
  console.warn("Biome is not installed: run `npx biome format --write` on the schema file.");
}
console.log(`Wrote ${ARGUMENT_MAP_SCHEMA_PATH}`);
