/** Percentiles for the soak's reports. */
import type { Summary } from "./soak-protocol.js";

/** The smallest value with at least `p` % of the values at or below it (NaN if none). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return nearestRank(sorted, p);
}

function nearestRank(sorted: readonly number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/** p50, p90, p99 and max of `values`, sorted once. */
export function summary(values: readonly number[]): Summary {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  return {
    count: list.length,
    p50: nearestRank(list, 50),
    p90: nearestRank(list, 90),
    p99: nearestRank(list, 99),
    max: list.length ? (list[list.length - 1] as number) : Number.NaN,
  };
}

/** The commonest `labels`, "N× label", most frequent first. */
export function commonest(labels: readonly string[], limit = 5): string[] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([label, n]) => `${n}× ${label}`);
}
