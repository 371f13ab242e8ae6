// The default timeouts agents declare for their actions (<action name="start" timeout="20s"/>),
// in milliseconds: what pcs puts on new operations and what an operation without its own timeout
// gets. Pacemaker reads these durations as seconds unless a unit says otherwise.

import type { AgentMetadata } from './model.js';

const UNITS: Record<string, number> = { ms: 1, msec: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000, hr: 3_600_000 };

/** "20s", "90", "2min", "500ms" → milliseconds; undefined when unreadable. */
export function durationMs(text: string | undefined): number | undefined {
  const m = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(text ?? '');
  if (!m) return undefined;
  const unit = UNITS[(m[2] || 's').toLowerCase()];
  return unit === undefined ? undefined : Number(m[1]) * unit;
}

/**
 * The declared timeout of an action: for monitors the one whose role matches (Promoted/Master,
 * Unpromoted/Slave, or none), else the first of that name.
 */
export function actionTimeoutMs(md: AgentMetadata, action: string, role?: 'Promoted' | 'Unpromoted'): number | undefined {
  const aliases = role === 'Promoted' ? ['Promoted', 'Master'] : role === 'Unpromoted' ? ['Unpromoted', 'Slave'] : [undefined];
  const named = md.actions.filter((a) => a.name === action);
  const match = named.find((a) => aliases.includes(a.role as never)) ?? named[0];
  return durationMs(match?.timeout);
}
