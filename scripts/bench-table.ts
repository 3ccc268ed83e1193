/** What every benchmark script shares: a row of figures, percentiles, and the printed table. */

export interface BenchRow {
  readonly corpus: string;
  readonly measure: string;
  readonly value: string;
  readonly target: string;
}

/** The p-th percentile (0–100) of `samples`, nearest rank. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Prints rows as a Markdown table, so figures can be pasted into notes as they are. */
export function printTable(rows: readonly BenchRow[]): void {
  const headers = ["corpus", "measure", "value", "target"] as const;
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => r[h].length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(headers.map((h) => row[h])));
}
