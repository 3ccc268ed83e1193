/** "Did you mean …?": the closest candidates to a mistyped name. */

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

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
