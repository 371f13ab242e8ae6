// Bit flags of actions and orderings. They are combined and filtered with bitwise operations in
// the ordering stage (exactly as Pacemaker's pe_action_flags and pe_ordering are), so they stay
// bitmasks; resource and node state are plain boolean fields instead.

/** Flags of a scheduled action (Pacemaker's enum pe_action_flags). */
export const ActionFlag = {
  none: 0,
  /** Nothing needs doing on a node: an ordering point (group start, fencing of a guest, …). */
  pseudo: 1 << 0,
  runnable: 1 << 1,
  /** Only done if something else requires it. */
  optional: 1 << 2,
  /** Put in the graph even when optional. */
  printAlways: 1 << 3,
  haveNodeAttrs: 1 << 4,
  /** A stop that fencing of its node makes happen. */
  impliedByFencing: 1 << 5,
  migrateRunnable: 1 << 6,
  /** Already written to the graph. */
  dumped: 1 << 7,
  processed: 1 << 8,
  clearFailcount: 1 << 9,
  dangle: 1 << 10,
  /** Runnable once enough of its inputs are (clone-min, require-all=false sets). */
  requiresAny: 1 << 11,
  reschedule: 1 << 12,
  /** Temporary mark used while walking orderings. */
  tracking: 1 << 13,
  /** Its inputs have been sorted and deduplicated for the graph. */
  dedup: 1 << 14,
  /** Run by the DC itself (history deletion). */
  dc: 1 << 15,
  /** Temporary mark used while looking for loops in the graph. */
  detectLoop: 1 << 16,
} as const;

/** Flags of an ordering between two actions (Pacemaker's enum pe_ordering). */
export const OrderFlag = {
  none: 0,
  optional: 1 << 0,
  applyFirstNonMigratable: 1 << 1,
  impliesFirst: 1 << 4,
  impliesThen: 1 << 5,
  promotedImpliesFirst: 1 << 6,
  impliesFirstMigratable: 1 << 7,
  runnableLeft: 1 << 8,
  pseudoLeft: 1 << 9,
  impliesThenOnNode: 1 << 10,
  probe: 1 << 11,
  restart: 1 << 12,
  stonithStop: 1 << 13,
  serializeOnly: 1 << 14,
  sameNode: 1 << 15,
  impliesFirstPrinted: 1 << 16,
  impliesThenPrinted: 1 << 17,
  asymmetrical: 1 << 20,
  load: 1 << 21,
  oneOrMore: 1 << 22,
  antiColocation: 1 << 23,
  preserve: 1 << 24,
  thenCancelsFirst: 1 << 25,
} as const;

export function has(flags: number, flag: number): boolean {
  return (flags & flag) !== 0;
}

export function hasAll(flags: number, mask: number): boolean {
  return (flags & mask) === mask;
}
