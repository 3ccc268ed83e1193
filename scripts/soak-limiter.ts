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
  const block = Math.max(1, Math.floor(bound / 10));
  const out: string[] = [
    `Rate limiter, bound ${bound} buckets; every check a new student (in one of 50 channels)`,
  ];
  let student = 0;
  // A tenth of the bound, twice: the first pays for compiling the code.
  drive(limiter, clock, student, block, 1000);
  student += block;
  const empty = drive(limiter, clock, student, block, 1000);
  student += block;
  out.push(
    `  table a fifth full (${limiter.size} buckets): ${empty.microsPerCheck.toFixed(2)} µs per check`,
  );
  // 1,000 new students a (simulated) second: the table fills and turns over, forgetting buckets a minute idle.
  while (limiter.size < bound) {
    drive(limiter, clock, student, block, 1000);
    student += block;
  }
  gc?.();
  const full = process.memoryUsage().heapUsed;
  out.push(
    `  table full: heap +${((full - before) / MiB).toFixed(1)} MiB (${Math.round((full - before) / bound)} bytes a bucket)${gc ? "" : " (GC not forced: noisy)"}`,
  );
  const turning = drive(limiter, clock, student, 10 * bound, 2000);
  student += 10 * bound;
  out.push(
    `  ${10 * bound} more new students, 2,000 a second: ${turning.microsPerCheck.toFixed(2)} µs per check, ${turning.refused["table-full"]} asked to wait (beyond the ${bound} a minute the table holds), ${limiter.size} buckets held`,
  );
  const calm = drive(limiter, clock, student, bound, 500);
  out.push(
    `  then 500 a second: ${calm.microsPerCheck.toFixed(2)} µs per check, ${calm.refused["table-full"]} asked to wait, ${limiter.size} buckets held`,
  );
  process.stdout.write(`${out.join("\n")}\n`);
}
