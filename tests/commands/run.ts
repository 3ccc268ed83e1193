/** Runs a catalogue command by name with raw options, as an adapter would. */
import { catalogue } from "../../commands/index.js";
import type { Answer } from "../../src/core/answer.js";
import { findCommand } from "../../src/core/dispatch.js";
import { executeCommand } from "../../src/core/execute.js";
import { shippedCore } from "../helpers/corpus.js";

export async function run(name: string, options: Record<string, unknown> = {}): Promise<Answer> {
  const command = findCommand(catalogue, name);
  if (!command) throw new Error(`no command ${name}`);
  return executeCommand(shippedCore(), command, options);
}
