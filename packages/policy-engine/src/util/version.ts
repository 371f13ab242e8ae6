// Pacemaker's compare_version for dotted version strings (feature sets): numeric fields compared
// in turn; when one is a prefix of the other, the longer one is newer; undefined is oldest.

export function compareVersions(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; ; i++) {
    const xa = pa[i];
    const xb = pb[i];
    if (xa === undefined && xb === undefined) return 0;
    if (xa === undefined) return -1;
    if (xb === undefined) return 1;
    const na = Number.parseInt(xa, 10) || 0;
    const nb = Number.parseInt(xb, 10) || 0;
    if (na !== nb) return na < nb ? -1 : 1;
  }
}
