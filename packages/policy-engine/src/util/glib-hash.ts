// The order in which Pacemaker's string-keyed GLib hash tables (pcmk__strkey_table:
// g_hash_table_foreach over a table hashed with pcmk__str_hash) visit their keys. Upstream prints some tables in that order (node
// capacities and resource utilization under crm_simulate -U); replaying the insertions through
// GLib's open addressing gives the same order. Keys are assumed never removed.

const MIN_SHIFT = 3;
/** GLib's prime_mod table: the modulus used for a table of 2^shift buckets. */
const PRIME_MOD = [1, 2, 3, 7, 13, 31, 61, 127, 251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521];

/** pcmk__str_hash (GLib's old g_str_hash: h * 31 + c over signed chars, 32-bit). */
function strHash(key: string): number {
  let h = 0;
  const bytes = Buffer.from(key, 'utf8');
  for (const b of bytes) {
    const c = b > 127 ? b - 256 : b;
    h = (Math.imul(h, 31) + c) >>> 0;
  }
  // 0 and 1 mark unused and removed buckets
  return h < 2 ? 2 : h;
}

function closestShift(n: number): number {
  let i = 0;
  for (let v = Math.floor(n); v; v >>= 1) i++;
  return Math.max(i, MIN_SHIFT);
}

class Table {
  size = 1 << MIN_SHIFT;
  mod = PRIME_MOD[MIN_SHIFT]!;
  hashes: number[] = new Array<number>(this.size).fill(0);
  keys: (string | undefined)[] = new Array<string | undefined>(this.size).fill(undefined);
  nnodes = 0;

  private setShift(shift: number): void {
    this.size = 1 << shift;
    this.mod = PRIME_MOD[shift] ?? this.size - 1;
  }

  private indexOf(hash: number): number {
    return Number((BigInt(hash) * 11n) & 0xffffffffn) % this.mod;
  }

  insert(key: string): void {
    const hash = strHash(key);
    let index = this.indexOf(hash);
    let step = 0;
    while (this.hashes[index] !== 0) {
      if (this.hashes[index] === hash && this.keys[index] === key) return;
      step++;
      index = (index + step) & (this.size - 1);
    }
    this.hashes[index] = hash;
    this.keys[index] = key;
    this.nnodes++;
    // grow once the buckets are (almost) all used
    if (this.size <= this.nnodes + Math.floor(this.nnodes / 16)) this.resize();
  }

  /** g_hash_table_resize: in-place rehash into a table sized for the current entries. */
  private resize(): void {
    const oldSize = this.size;
    this.setShift(closestShift(this.nnodes * 1.333));
    const size = this.size;
    const hashes = this.hashes.concat(new Array<number>(size - oldSize).fill(0));
    const keys = this.keys.concat(new Array<string | undefined>(size - oldSize).fill(undefined));
    const placed = new Array<boolean>(size).fill(false);
    for (let i = 0; i < oldSize; i++) {
      if (hashes[i]! < 2 || placed[i]) continue;
      // take the entry out and place it, displacing entries not yet placed (GLib's resize_map)
      let hash = hashes[i]!;
      let key = keys[i];
      hashes[i] = 0;
      keys[i] = undefined;
      for (;;) {
        let index = this.indexOf(hash);
        let step = 0;
        while (placed[index]) {
          step++;
          index = (index + step) & (size - 1);
        }
        placed[index] = true;
        if (hashes[index]! < 2) {
          hashes[index] = hash;
          keys[index] = key;
          break;
        }
        const h = hashes[index]!;
        const k = keys[index];
        hashes[index] = hash;
        keys[index] = key;
        hash = h;
        key = k;
      }
    }
    this.hashes = hashes;
    this.keys = keys;
  }
}

/** The keys (given in insertion order) in the order GLib's foreach would visit them. */
export function glibHashOrder(keysInInsertionOrder: Iterable<string>): string[] {
  const table = new Table();
  for (const key of keysInInsertionOrder) table.insert(key);
  const out: string[] = [];
  for (let i = 0; i < table.size; i++) if (table.hashes[i]! >= 2) out.push(table.keys[i]!);
  return out;
}
