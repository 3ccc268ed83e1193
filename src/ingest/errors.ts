/**
 * A mistake in what the tutor gave `npm run ingest`: shown as one line naming the file, never
 * as a stack trace. Anything else thrown while ingesting is a bug.
 */
export class IngestError extends Error {
  override readonly name = "IngestError";
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
