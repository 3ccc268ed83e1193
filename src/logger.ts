/**
 * Structured logs (pino) on stderr, so the console's answers on stdout stay clean. Secret values
 * from the configuration are redacted from every line, whatever field they appear in.
 */
import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger };

/**
 * @param secrets values to blank out wherever they appear (tokens, signing secrets)
 * @param destination where lines go; standard error by default
 */
export function createLogger(
  level: string,
  secrets: readonly (string | undefined)[] = [],
  destination: DestinationStream = pino.destination(2),
): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === "string" && s.length >= 6);
  return pino(
    {
      level,
      base: null,
      redact: {
        paths: [
          "token",
          "*.token",
          "authorization",
          "*.authorization",
          "headers.authorization",
          "signingSecret",
          "*.signingSecret",
        ],
        censor: "[redacted]",
      },
      hooks: {
        streamWrite: (line) =>
          hidden.reduce((out, secret) => out.split(secret).join("[redacted]"), line),
      },
    },
    destination,
  );
}
