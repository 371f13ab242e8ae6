// GLib's list merge sort (g_list_sort), reproduced exactly: the list is split with the left half
// holding floor(n/2) items and merged taking from the left on ties. Upstream sorts some lists
// with comparators that are not total orders (history entries), and only this algorithm gives
// the same result for them.

export function glibSort<T>(items: readonly T[], cmp: (a: T, b: T) => number): T[] {
  if (items.length <= 1) return items.slice();
  const half = Math.floor(items.length / 2);
  const left = glibSort(items.slice(0, half), cmp);
  const right = glibSort(items.slice(half), cmp);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (cmp(left[i]!, right[j]!) <= 0) out.push(left[i++]!);
    else out.push(right[j++]!);
  }
  while (i < left.length) out.push(left[i++]!);
  while (j < right.length) out.push(right[j++]!);
  return out;
}
