/**
 * Option fields several commands share, so the same option reads the same everywhere (help
 * texts, Discord registration, the Slack manifest).
 */
import { z } from "zod";

/** A map node named by its id or described in words, with autocomplete over claims. */
export const claimQuery = z
  .string()
  .min(1)
  .max(200)
  .describe("A claim id (e.g. coal-speed) or words from the claim")
  .meta({ autocomplete: "claim" });

/**
 * Which reading a command answers from (see `readings.ts`): only needed when several readings
 * have what was asked. Given by name only (`reading:…`, `--reading`), never by position.
 */
export const readingOption = z
  .string()
  .min(1)
  .max(100)
  .optional()
  .describe("Which reading, by its id (see /sources), when several are loaded")
  .meta({ autocomplete: "reading", positional: false });
