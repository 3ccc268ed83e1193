/** "Did you mean …?": the closest candidates to a mistyped name. */

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  // Two rows of the edit-distance table, reused: this runs for every candidate of every
  // "did you mean", and fresh arrays per row were a good share of a request's garbage.
  const width = b.length + 1;
  if (rows.length < 2 * width) rows = new Uint32Array(2 * width);
  let previous = 0;
  let current = width;
  for (let j = 0; j <= b.length; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      rows[current + j] = Math.min(
        (rows[previous + j] as number) + 1,
        (rows[current + j - 1] as number) + 1,
        (rows[previous + j - 1] as number) + cost,
      );
    }
    const done = current;
    current = previous;
    previous = done;
  }
  return rows[previous + b.length] as number;
}

let rows = new Uint32Array(128);

/**
 * Candidates within a typo's distance of `input` (about a third of its length), closest first;
 * candidates that start with the input come first of all.
 */
export function closest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const needle = input.toLowerCase().trim();
  if (!needle) return [];
  const budget = Math.max(1, Math.ceil(needle.length / 3));
  return [...new Set(candidates)]
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      // Lengths further apart than the budget cannot be within it: skip the quadratic work
      // (hostile input is long, candidate names are short).
      const distance = lower.startsWith(needle)
        ? -1
        : Math.abs(lower.length - needle.length) > budget
          ? Number.POSITIVE_INFINITY
          : levenshtein(needle, lower);
      return { candidate, distance };
    })
    .filter(({ distance }) => distance <= budget)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
