/**
 * A slash command's one acknowledgement, which may carry the first message of the answer: Slack
 * shows a message in the ack body at once ("responding immediately"), so a cheap answer needs no
 * separate post to the response_url. Bolt allows one ack per request; this remembers whether it
 * went out, so the answer's pages and the failure path know where their message goes.
 */
import type { AckFn, RespondArguments } from "@slack/bolt";

/** How long a cheap command may take before the ack goes out empty (Slack allows 3 s). */
export const ANSWER_IN_ACK_WITHIN_MS = 2000;

export class SlashAck {
  #sent = false;

  constructor(private readonly ack: AckFn<string | RespondArguments>) {}

  /** Whether the ack went out (with or without a message). */
  get sent(): boolean {
    return this.#sent;
  }

  /**
   * Sends the ack, carrying `message` when given. Resolves false without sending if the ack
   * already went out; the caller then posts `message` to the response_url instead.
   */
  async send(message?: RespondArguments): Promise<boolean> {
    if (this.#sent) return false;
    this.#sent = true;
    if (message === undefined) await this.ack();
    else {
      // The ack body is the message itself; there is no original to replace yet.
      const { replace_original: _, ...body } = message;
      await this.ack(body as RespondArguments);
    }
    return true;
  }
}

/** `work`'s result, or undefined if it takes longer than `ms` (the work itself goes on). */
export function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
