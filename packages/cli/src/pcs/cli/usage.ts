// Usage texts, printed on stderr when a command line cannot be understood. Short on purpose:
// one line per command, the full story is in `man pcs`.

const MAIN = `Usage: pcs [-f FILE] [--force] [--debug] [-h] AREA COMMAND ...
Configure a Pacemaker cluster, or a CIB file with -f.

Global options:
  -f FILE                 work on the CIB in FILE (created blank if missing)
  --force                 go ahead despite checks that can be overridden
  --debug                 print more about what happens
  --output-format=FORMAT  text, cmd or json, where the command supports it
  --corosync_conf=FILE    use this corosync.conf (with -f, for status and config)
  -h, --help              show usage (pcs AREA --help for an area)
  --version               show the pcs version this tool is compatible with

Areas:
  cluster     the CIB as a whole (cib, cib-push, verify, edit) and corosync.conf
  resource    resources, groups, clones, bundles, operations, defaults
  stonith     fence devices and fencing levels
  constraint  location, order, colocation and ticket constraints
  property    cluster properties
  node        node attributes, utilization, standby, maintenance
  status      cluster status
  config      the whole configuration, backup and restore
  tag         tags
  alert       alerts and recipients
  acl         access control lists
  quorum      quorum options in corosync.conf
`;

const AREAS: Record<string, string> = {
  resource: `Usage: pcs resource COMMAND ...
  [status [ID] [node=NODE] [--hide-inactive]]
  config [ID...] [--output-format=text|cmd|json]
  create ID [STANDARD:[PROVIDER:]]TYPE [OPTION=VALUE...] [op ACTION OPTION=VALUE... ...]
         [meta OPTION=VALUE...] [clone [ID] [OPTION=VALUE...] | promotable [ID] [OPTION=VALUE...]
         | --group GROUP [--before ID | --after ID] | bundle BUNDLE] [--disabled] [--no-default-ops]
  delete | remove ID
  update ID [OPTION=VALUE...] [op ACTION OPTION=VALUE...] [meta OPTION=VALUE...]
  meta ID OPTION=VALUE...
  op add ID ACTION OPTION=VALUE... | op delete | remove ID [ACTION [OPTION=VALUE...]]
  op defaults [config | update OPTION=VALUE... | set create|delete|update ...]
  defaults [config | update OPTION=VALUE... | set create|delete|update ...]
  clone ID [CLONE_ID] [OPTION=VALUE...] | promotable ID [CLONE_ID] [OPTION=VALUE...]
  unclone ID
  group add GROUP ID... [--before ID | --after ID] | group remove GROUP ID... | group list
  ungroup GROUP [ID...]
  enable | disable ID... [--wait]
  manage | unmanage ID... [--monitor]
  ban ID [NODE] [--promoted] [lifetime=LIFETIME]
  move-with-constraint ID [NODE] [--promoted] [lifetime=LIFETIME]
  move ID [NODE] [--promoted]   (on a file, as move-with-constraint: the constraint stays)
  relocate dry-run [ID...] | relocate show | relocate clear   (relocate run: running cluster only)
  clear ID [NODE] [--promoted] [--expired]
  utilization [ID [NAME=VALUE...]]
  relations ID [--full]
  failcount [show [ID] [node=NODE] [operation=ACTION [interval=INTERVAL]] [--full]]
  bundle create ID container TYPE [OPTION=VALUE...] [network ...] [port-map ...]... [storage-map ...]...
  bundle update ID ...
  debug-start | debug-stop | debug-monitor | debug-promote | debug-demote ID [--full]
  describe AGENT | list [FILTER] [--nodesc] | standards | providers | agents [STANDARD[:PROVIDER]]
  master (0.9 form of promotable)
`,
  stonith: `Usage: pcs stonith COMMAND ...
  [status [ID] [node=NODE] [--hide-inactive]]
  config [ID...] [--output-format=text|cmd|json]
  create ID AGENT [OPTION=VALUE...] [op ...] [meta ...] [--group GROUP] [--disabled]
  update ID [OPTION=VALUE...] [op ...] [meta ...]
  meta ID OPTION=VALUE...
  delete | remove ID
  enable | disable ID...
  level [config] | level add LEVEL TARGET DEVICE... | level remove LEVEL [target TARGET] [stonith ID...]
  level clear [target TARGET | stonith ID...] | level verify
  describe AGENT | list [FILTER] [--nodesc]
`,
  constraint: `Usage: pcs constraint COMMAND ...
  [config] [--full] [--all]
  location RESOURCE prefers|avoids NODE[=SCORE]...
  location RESOURCE rule [id=ID] [role=ROLE] [score=SCORE|score-attribute=ATTR] EXPRESSION
  location [config [resources|nodes [ID...]]] [--full] [--all]
  location add ID RESOURCE NODE SCORE [resource-discovery=OPTION]
  location delete | remove ID
  order [ACTION] FIRST then [ACTION] THEN [OPTION=VALUE...]
  order set ID... [OPTION=VALUE...] [set ID... ...] [setoptions OPTION=VALUE...]
  order [config] [--full] | order delete | remove RESOURCE...
  colocation add [ROLE] SOURCE with [ROLE] TARGET [SCORE] [OPTION=VALUE...] [id=ID]
  colocation set ID... [OPTION=VALUE...] [set ID... ...] [setoptions OPTION=VALUE...]
  colocation [config] [--full] | colocation delete | remove SOURCE TARGET
  ticket add TICKET [ROLE] RESOURCE [OPTION=VALUE...] [id=ID]
  ticket set ID... [set ID...] setoptions ticket=TICKET [OPTION=VALUE...]
  ticket [config] [--full] | ticket delete | remove TICKET RESOURCE
  delete | remove ID...
  ref RESOURCE...
`,
  property: `Usage: pcs property COMMAND ...
  [config [PROPERTY... | --all | --defaults]]
  set PROPERTY=[VALUE]... [--force]
  unset PROPERTY... [--force]
  defaults [PROPERTY...]
  describe [PROPERTY...] [--output-format=text|json]
`,
  cluster: `Usage: pcs cluster COMMAND ...
  cib [FILE] [scope=SCOPE | --config]
  cib-push FILE [diff-against=ORIGINAL | scope=SCOPE | --config]
  verify [--full]
  edit [scope=SCOPE | --config]   (opens $EDITOR)
  setup NAME NODE [addr=ADDRESS]... [transport knet|udp|udpu [OPTION=VALUE...] [link OPTION=VALUE...]...
        [compression OPTION=VALUE...] [crypto OPTION=VALUE...]] [totem OPTION=VALUE...]
        [quorum OPTION=VALUE...] --corosync_conf FILE [--overwrite] [--no-cluster-uuid]
        (pcs 0.9's 'setup --name NAME NODE...' is accepted)
  config [show] [--output-format=text|cmd|json]   (reads --corosync_conf)
  corosync   (prints --corosync_conf)
  node add-remote NODE [ADDRESS] [OPTION=VALUE...] [op ...] [meta ...] [--no-default-ops]
  node add-guest NODE RESOURCE [remote-addr=ADDR] [remote-port=PORT] [remote-connect-timeout=TIME]
  node remove-remote | remove-guest NODE
  standby | unstandby (0.9 forms of 'pcs node standby | unstandby')
`,
  node: `Usage: pcs node COMMAND ...
  attribute [NODE [NAME=[VALUE]...]] [--name NAME]
  utilization [NODE [NAME=[VALUE]...]] [--name NAME]
  standby | unstandby [NODE... | --all]
  maintenance | unmaintenance [NODE... | --all]
`,
  status: `Usage: pcs status [resources | nodes | cluster] [--full] [--hide-inactive]
  With -f, also give --corosync_conf for the full status.
`,
  config: `Usage: pcs config [show] | backup [FILE] | restore [FILE]
  backup and restore work on the files given with -f and --corosync_conf.
`,
  quorum: `Usage: pcs quorum [config]   (reads --corosync_conf)
`,
  tag: `Usage: pcs tag COMMAND ...
  [config [TAG...]]
  create TAG ID...
  update TAG [add ID... [--before ID | --after ID]] [remove ID...]
  delete | remove TAG...
`,
  alert: `Usage: pcs alert COMMAND ...
  [config]
  create path=PATH [id=ID] [description=TEXT] [options OPTION=VALUE...] [meta OPTION=VALUE...]
  update ID [path=PATH] [description=TEXT] [options ...] [meta ...]
  delete | remove ID...
  recipient add ALERT value=VALUE [id=ID] [description=TEXT] [options ...] [meta ...]
  recipient update ID [value=VALUE] [description=TEXT] [options ...] [meta ...]
  recipient delete | remove ID...
`,
  acl: `Usage: pcs acl COMMAND ...
  [config] | enable | disable
  role create ROLE [description=TEXT] [read|write|deny xpath XPATH|id ID]...
  role delete | remove ROLE | role assign ROLE [to] [user|group] NAME | role unassign ROLE [from] [user|group] NAME
  user create USER [ROLE...] | user delete | remove USER
  group create GROUP [ROLE...] | group delete | remove GROUP
  permission add ROLE (read|write|deny) (xpath XPATH | id ID)... | permission delete | remove ID
`,
};

/** The usage of an area (or of pcs as a whole). */
export function usageFor(path: readonly string[]): string {
  const area = path[0];
  return (area !== undefined && AREAS[area]) || MAIN;
}

export const MAIN_USAGE = MAIN;
export const KNOWN_AREAS = Object.keys(AREAS);
