/**
 * Structured logs (pino) on stderr, so the console's answers on stdout stay clean. Secret values
 * from the configuration are redacted from every line, whatever field they appear in.
 */
import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger };

/**
 * Credentials that travel inside URLs, whatever field or message they end up in: Discord's
 * interaction tokens (`/interactions/:id/:token/callback`, `/webhooks/:app/:token/...`, e.g. in a
 * REST error's `url`) and the secret tail of Slack's response and webhook URLs.
 */
const URL_CREDENTIALS: readonly RegExp[] = [
  /(\/(?:webhooks|interactions)\/\d+\/)[^/?#\s"\\]+/g,
  /(hooks\.slack(?:-gov)?\.com\/(?:commands|actions|services|workflows|triggers)\/)[^\s"\\]+/g,
];

/** A log line with every secret value and URL credential replaced by `[redacted]`. */
export function redactLine(line: string, secrets: readonly string[]): string {
  const withoutSecrets = secrets.reduce(
    (out, secret) => out.split(secret).join("[redacted]"),
    line,
  );
  return URL_CREDENTIALS.reduce(
    (out, pattern) => out.replace(pattern, "$1[redacted]"),
    withoutSecrets,
  );
}

/**
 * @param secrets values to blank out wherever they appear (tokens, signing secrets)
 * @param destination where lines go; standard error by default, written synchronously so the
 *   last lines before an exit (a fatal start-up error, "stopped") are never lost
 */
export function createLogger(
  level: string,
  secrets: readonly (string | undefined)[] = [],
  destination: DestinationStream = pino.destination({ dest: 2, sync: true }),
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
        streamWrite: (line) => redactLine(line, hidden),
      },
    },
    destination,
  );
}
