// Resource roles as numbers in Pacemaker's order, so that "role > Started" reads as it does
// upstream. Text uses the current names; the legacy Master/Slave are accepted when parsing.

export const Role = {
  unknown: 0,
  stopped: 1,
  started: 2,
  unpromoted: 3,
  promoted: 4,
} as const;

export type RoleN = (typeof Role)[keyof typeof Role];

const TEXT = ['Unknown', 'Stopped', 'Started', 'Unpromoted', 'Promoted'] as const;

export function roleText(role: RoleN): string {
  return TEXT[role];
}

/** Pacemaker's text2role: case-insensitive, legacy names accepted; unknown text is Unknown. */
export function parseRoleN(text: string | undefined): RoleN {
  if (text === undefined) return Role.unknown;
  switch (text.toLowerCase()) {
    case 'stopped':
      return Role.stopped;
    case 'started':
      return Role.started;
    case 'unpromoted':
    case 'slave':
      return Role.unpromoted;
    case 'promoted':
    case 'master':
      return Role.promoted;
    default:
      return Role.unknown;
  }
}
