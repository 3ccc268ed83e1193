/**
 * `npm run soak -- --limiter`: the rate limiter alone, driven past its bound with a new student
 * on every check (simulated clock), to show that a check costs the same with an empty table and
 * a full one, and what the full table holds in memory. Figures, not a test: the test
 * (tests/core/rate-limit.test.ts) counts the table operations per check instead of timing them.
 */
import { DEFAULT_MAX_BUCKETS, RateLimiter } from "../src/core/rate-limit.js";
import { exposeGc } from "./soak-protocol.js";

const MiB = 1024 * 1024;

/** Runs `checks` checks of new students, `perSecond` of them a (simulated) second. */
function drive(
  limiter: RateLimiter,
  clock: { now: number },
  first: number,
  checks: number,
  perSecond: number,
) {
  const refused = { "over-budget": 0, "table-full": 0 };
  const started = performance.now();
  for (let i = first; i < first + checks; i++) {
    clock.now += 1000 / perSecond;
    const decision = limiter.check({
      userId: String(400000000000000000n + BigInt(i)),
      channelId: String(300000000000000000n + BigInt(i % 50)),
    });
    if (!decision.allowed) refused[decision.reason]++;
  }
  return { microsPerCheck: ((performance.now() - started) * 1000) / checks, refused };
}

export function limiterSoak(argv: readonly string[]): void {
  const gc = exposeGc();
  const at = argv.indexOf("--max-buckets");
  const bound = at === -1 ? DEFAULT_MAX_BUCKETS : Number(argv[at + 1]);
  const clock = { now: Date.now() };
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const limiter = new RateLimiter(
    // Channels far above the students' rate: the figures are about the table, not refusals.
    { perMinute: 20, expensivePerMinute: 4, channelMultiplier: 1_000_000, maxBuckets: bound },
    () => clock.now,
  );
  const out: string[] = [
    `Rate limiter, bound ${bound} buckets; every check a new student (in one of 50 channels)`,
  ];
  let student = 0;
  const phase = (label: string, checks: number, perSecond: number) => {
    const result = drive(limiter, clock, student, checks, perSecond);
    student += checks;
    out.push(
      `  ${label}: ${result.microsPerCheck.toFixed(2)} µs per check, ${result.refused["table-full"]} asked to wait for a place, ${limiter.size} buckets held`,
    );
  };
  // The first pass pays for compiling the code.
  drive(limiter, clock, student, Math.min(bound, 10_000), 1000);
  student += Math.min(bound, 10_000);
  // 60 s of 1,000 a second, and more: the table holds a minute's students (and the channels).
  phase("2 minutes of 1,000 new students a second", 120_000, 1000);
  // Faster than the table holds a minute of: it fills, and newcomers wait for a place.
  phase(`${10 * bound} new students at 2,000 a second`, 10 * bound, 2000);
  gc?.();
  const full = process.memoryUsage().heapUsed;
  out.push(
    `  table full: heap +${((full - before) / MiB).toFixed(1)} MiB (${Math.round((full - before) / bound)} bytes a bucket)${gc ? "" : " (GC not forced: noisy)"}`,
  );
  phase("2 minutes of 500 a second", 60_000, 500);
  process.stdout.write(`${out.join("\n")}\n`);
}
