/**
 * How the soak's load generator times one request, in either mode: from an origin (closed loop:
 * when it was sent; open loop: when it was due) to its HTTP response and to the first message of
 * its answer (the response itself, or the first post at a sink), and whether that answer is
 * sound (status 200, a known response type, no error reference).
 */
import type { Prepared, Reply } from "./soak-client.js";
import type { Sample } from "./soak-protocol.js";
import type { Arrival } from "./soak-sinks.js";

/**
 * The first message delivered for each expected key. Anything else that reaches the sinks (the
 * later pages of an answer, or an answer that came in the HTTP response) is dropped, so the
 * generator's own bookkeeping does not grow with the run.
 */
export class Deliveries {
  readonly #expected = new Set<string>();
  readonly #waiting = new Map<string, (arrival: Arrival) => void>();
  readonly #early = new Map<string, Arrival>();

  expect(key: string): void {
    this.#expected.add(key);
  }

  arrived(key: string, arrival: Arrival): void {
    if (!this.#expected.has(key)) return;
    const waiter = this.#waiting.get(key);
    if (waiter) {
      this.cancel(key);
      waiter(arrival);
    } else if (!this.#early.has(key)) this.#early.set(key, arrival);
  }

  /** The first arrival for `key`, or undefined after `timeoutMs`. */
  wait(key: string, timeoutMs: number): Promise<Arrival | undefined> {
    const early = this.#early.get(key);
    if (early) {
      this.cancel(key);
      return Promise.resolve(early);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.cancel(key);
        resolve(undefined);
      }, timeoutMs);
      this.#waiting.set(key, (arrival) => {
        clearTimeout(timer);
        resolve(arrival);
      });
    });
  }

  cancel(key: string): void {
    this.#expected.delete(key);
    this.#waiting.delete(key);
    this.#early.delete(key);
  }
}

/** Our error answers carry a reference code; none may appear. */
const ERROR_ANSWER = /ERR-[0-9A-F]{8}/;
const DELIVERY_TIMEOUT_MS = 15_000;

/** What the HTTP client must do for {@link measurer}. */
export interface Sender {
  send(prepared: Prepared): Promise<Reply>;
}

/** The answer in the HTTP response (Discord type 4; Slack's ack body), or where it will be. */
function answerIn(request: Prepared, reply: Reply): "answer" | "later" | string {
  if (request.platform === "slack") return reply.body === "" ? "later" : "answer";
  const type = (JSON.parse(reply.body) as { type?: number }).type;
  return type === 4 ? "answer" : type === 5 ? "later" : `response type ${type}`;
}

/**
 * Sends `request` now and measures it from `origin` (a `performance.now()` reading). Never
 * rejects: a failure is a sample with an error.
 */
export function measurer(http: Sender, deliveries: Deliveries) {
  const sample = (
    request: Prepared,
    httpMs: number,
    outcome: { deliveredMs: number } | { error: string },
  ): Sample => ({ platform: request.platform, command: request.command, httpMs, ...outcome });

  const attempt = async (request: Prepared, origin: number): Promise<Sample> => {
    deliveries.expect(request.key);
    const reply = await http.send(request);
    const httpMs = performance.now() - origin;
    if (reply.status !== 200) {
      deliveries.cancel(request.key);
      return sample(request, httpMs, { error: `HTTP ${reply.status}` });
    }
    const where = answerIn(request, reply);
    if (where !== "later") deliveries.cancel(request.key);
    if (where === "answer")
      return ERROR_ANSWER.test(reply.body)
        ? sample(request, httpMs, { error: "error answer" })
        : sample(request, httpMs, { deliveredMs: httpMs });
    if (where !== "later") return sample(request, httpMs, { error: where });
    const arrival = await deliveries.wait(request.key, DELIVERY_TIMEOUT_MS);
    if (!arrival) return sample(request, httpMs, { error: "no answer delivered" });
    return ERROR_ANSWER.test(arrival.body)
      ? sample(request, httpMs, { error: "error answer" })
      : sample(request, httpMs, { deliveredMs: arrival.at - origin });
  };

  return async (request: Prepared, origin: number): Promise<Sample> => {
    try {
      return await attempt(request, origin);
    } catch (error) {
      deliveries.cancel(request.key);
      return sample(request, Number.NaN, {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
}
