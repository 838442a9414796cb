/**
 * A sort that remembers its last answer. A gap list of thousands of actions is sorted on
 * every read, and after an edit almost every row is the same object it was (cachedRows.ts
 * patches only the rows of the edited nodes), so sorting from scratch redoes work whose
 * answer is known. The sorter ranks the items it returned; on the next call the ranked
 * items keep their order, the new ones (an edited row is a new object) are placed by
 * binary search, and the result is checked to be strictly in order (one pass, no sort). When
 * the check fails
 * (ties, or a comparator that does not agree with the kept order), or many items are new,
 * they are sorted from scratch, so the answer is always the one a plain sort gives.
 */
export function keptOrderSorter<T extends object>(compare: (a: T, b: T) => number): (items: readonly T[]) => T[] {
  // One map for every list sorted: an item's rank is its place in the last list it came back in.
  const rank = new WeakMap<T, number>();
  return (items) => {
    const kept: T[] = [];
    const fresh: T[] = [];
    for (const item of items) (rank.has(item) ? kept : fresh).push(item);
    let sorted: T[];
    if (fresh.length * 16 > items.length) sorted = [...items].sort(compare);
    else {
      sorted = kept.sort((a, b) => rank.get(a)! - rank.get(b)!);
      for (const item of fresh) sorted.splice(insertionPoint(sorted, item, compare), 0, item);
      if (!strictlyOrdered(sorted, compare)) sorted = [...items].sort(compare);
    }
    sorted.forEach((item, i) => rank.set(item, i));
    return sorted;
  };
}

function insertionPoint<T>(sorted: T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(sorted[mid]!, item) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Strict: equal neighbours mean the order among them is the kept one, not necessarily a plain sort's. */
function strictlyOrdered<T>(items: T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < items.length; i++) if (compare(items[i - 1]!, items[i]!) >= 0) return false;
  return true;
}
