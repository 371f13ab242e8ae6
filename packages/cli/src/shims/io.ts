// The streams and environment a tool runs with, passed in so tests call the tools directly.

export interface ToolIo {
  env: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
}

export function processIo(): ToolIo {
  return {
    env: process.env,
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  };
}

/** The local node's name: HACLUSTER_NODE, the node an agent runs for, else the host name. */
export function localNode(env: Record<string, string | undefined>, hostname: () => string): string {
  return env['HACLUSTER_NODE'] || env['OCF_RESKEY_CRM_meta_on_node'] || hostname().split('.')[0] || 'localhost';
}
