/**
 * Keeping a chat answer readable: the first few of a long list, and a note (ours) saying how many
 * there are and where to see the rest. Every command that shortens a list says so the same way.
 */
export interface FirstOf<T> {
  readonly shown: T[];
  /** Empty when nothing was left out. */
  readonly notes: string[];
}

/** `max` items of `items`; e.g. `firstOf(claims, 8, "claims", "/claim shows any one of them")`. */
export function firstOf<T>(
  items: readonly T[],
  max: number,
  what: string,
  elsewhere: string,
): FirstOf<T> {
  const shown = items.slice(0, max);
  return {
    shown,
    notes:
      items.length > shown.length
        ? [`Showing ${shown.length} of ${items.length} ${what}; ${elsewhere}.`]
        : [],
  };
}
