// Resource roles in both vocabularies: Promoted/Unpromoted, and the legacy Master/Slave that real
// clusters' CIBs still carry. Output always uses the current names.

export type Role = 'Unknown' | 'Stopped' | 'Started' | 'Unpromoted' | 'Promoted';

/** Roles in increasing order, as Pacemaker ranks them. */
export const ROLE_ORDER: readonly Role[] = ['Unknown', 'Stopped', 'Started', 'Unpromoted', 'Promoted'];

/** Parses a role name (case-insensitive, legacy names accepted); undefined if unknown. */
export function parseRole(text: string | undefined): Role | undefined {
  if (text === undefined) return undefined;
  switch (text.trim().toLowerCase()) {
    case 'stopped':
      return 'Stopped';
    case 'started':
      return 'Started';
    case 'unpromoted':
    case 'slave':
      return 'Unpromoted';
    case 'promoted':
    case 'master':
      return 'Promoted';
    case 'unknown':
      return 'Unknown';
    default:
      return undefined;
  }
}

export function roleRank(role: Role): number {
  return ROLE_ORDER.indexOf(role);
}

/** Is the name one of the legacy role names? */
export function isLegacyRoleName(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === 'master' || t === 'slave';
}
