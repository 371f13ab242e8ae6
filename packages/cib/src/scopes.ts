// CIB scopes: the named sections that tools read and replace on their own
// (cibadmin -o, pcs cluster cib scope=…, pcs cluster cib-push scope=…).

export const CONFIGURATION_SCOPES = [
  'nodes',
  'resources',
  'constraints',
  'crm_config',
  'rsc_defaults',
  'op_defaults',
  'fencing-topology',
  'acls',
  'alerts',
  'tags',
] as const;

export const SCOPES = ['configuration', ...CONFIGURATION_SCOPES, 'status'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(name: string): name is Scope {
  return (SCOPES as readonly string[]).includes(name);
}

/** Order of the sections inside <configuration>, as Pacemaker's schema lists them. */
export const CONFIGURATION_ORDER: readonly string[] = [
  'crm_config',
  'nodes',
  'resources',
  'constraints',
  'fencing-topology',
  'op_defaults',
  'rsc_defaults',
  'acls',
  'tags',
  'alerts',
];
