// The one door between library commands and the outside world: the CIB (a file given with -f,
// or the live cluster once there is a daemon), the report processor, agent meta-data and the
// corosync.conf path. A command loads the CIB once, edits it, and pushes it once.

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { bumpEpoch, bumpNumUpdates, Cib, CibError, readCibFile, renderProblem, writeFileAtomic } from '@hacluster/cib';
import type { AgentCatalog } from './agents/catalog.js';
import { schemaProblems, type SchemaProblem } from './cib/schema-check.js';
import { CorosyncParseError, parseCorosyncConf, type Section } from './corosync/config.js';

/** Where corosync.conf is when --corosync_conf does not say. */
export const DEFAULT_COROSYNC_CONF = '/etc/corosync/corosync.conf';

const problemKey = (p: SchemaProblem) => `${p.element}\u0000${p.id ?? ''}\u0000${p.attribute}\u0000${p.value}`;
import { error, LibraryError, ReportProcessor, type ReportItem } from './reports/item.js';

export interface EnvOptions {
  /** The CIB file given with -f; undefined means the live cluster. */
  cibFile?: string | undefined;
  /** --corosync_conf */
  corosyncConf?: string | undefined;
  /** Working directory relative paths are read against. */
  cwd: string;
  /** Environment variables (EDITOR, HACLUSTER_*, …). */
  variables: Record<string, string | undefined>;
  /** Where reports go as they are made (the CLI prints them). */
  onReport: (item: ReportItem) => void;
  /** Agent lookup; made from the environment variables when not given. */
  agents?: AgentCatalog;
}

export class LibraryEnvironment {
  readonly reports: ReportProcessor;
  readonly cwd: string;
  readonly variables: Record<string, string | undefined>;
  private readonly cibPath: string | undefined;
  private readonly corosyncPath: string | undefined;
  private loaded: Cib | undefined;
  private loadedProblems: SchemaProblem[] | undefined;
  private catalog: AgentCatalog | undefined;

  constructor(options: EnvOptions) {
    this.reports = new ReportProcessor(options.onReport);
    this.cwd = options.cwd;
    this.variables = options.variables;
    this.cibPath = options.cibFile === undefined ? undefined : this.path(options.cibFile);
    this.corosyncPath = options.corosyncConf === undefined ? undefined : this.path(options.corosyncConf);
    this.catalog = options.agents;
  }

  /**
   * Installed agents and their meta-data. Loaded on first use: reading agents costs start-up
   * time that commands which never look at an agent should not pay.
   */
  async agents(): Promise<AgentCatalog> {
    if (!this.catalog) {
      const [{ AgentCatalog }, { defaultMetadataCacheDir }] = await Promise.all([import('./agents/catalog.js'), import('@hacluster/agents')]);
      this.catalog = new AgentCatalog({ cacheDir: defaultMetadataCacheDir(this.variables as NodeJS.ProcessEnv) });
    }
    return this.catalog;
  }

  /** A path given by the user, resolved against the command's working directory. */
  path(p: string): string {
    return isAbsolute(p) ? p : resolve(this.cwd, p);
  }

  get isCibLive(): boolean {
    return this.cibPath === undefined;
  }

  get cibFile(): string | undefined {
    return this.cibPath;
  }

  get corosyncConfFile(): string | undefined {
    return this.corosyncPath;
  }

  /** corosync.conf's text, from --corosync_conf or the host's own file. */
  corosyncConfText(): string {
    const file = this.corosyncPath ?? DEFAULT_COROSYNC_CONF;
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : e instanceof Error ? e.message : String(e);
      throw new LibraryError(error({ code: 'COROSYNC_CONF_READ_ERROR', file, reason }));
    }
  }

  /** corosync.conf parsed, from --corosync_conf or the host's own file. */
  readCorosyncConf(): Section {
    const file = this.corosyncPath ?? DEFAULT_COROSYNC_CONF;
    const text = this.corosyncConfText();
    try {
      return parseCorosyncConf(text);
    } catch (e) {
      if (e instanceof CorosyncParseError) throw new LibraryError(error({ code: 'COROSYNC_CONF_PARSE_ERROR', file, problem: e.problem, line: e.line }));
      throw e;
    }
  }

  /**
   * The CIB to work on. With -f, a file that does not exist yet starts as a blank CIB (and is
   * written at once, as pcs does). Without -f there is no cluster to talk to here yet.
   */
  getCib(command = 'this command'): Cib {
    if (this.loaded) return this.loaded;
    if (this.cibPath === undefined) throw new LibraryError(error({ code: 'LIVE_CLUSTER_NOT_AVAILABLE', command }));
    if (!existsSync(this.cibPath)) {
      const blank = Cib.blank();
      this.write(blank);
      this.loaded = blank;
      return blank;
    }
    try {
      this.loaded = readCibFile(this.cibPath);
    } catch (e) {
      throw new LibraryError(error({ code: 'CIB_LOAD_ERROR', reason: describeCibError(e) }));
    }
    this.loadedProblems = schemaProblems(this.loaded);
    return this.loaded;
  }

  /** Writes the loaded (and edited) CIB back as a new configuration version. */
  pushCib(cib: Cib = this.getCib()): void {
    this.checkNewProblems(cib);
    bumpEpoch(cib.root);
    this.write(cib);
  }

  /**
   * Writes a pushed CIB (the loaded one with a section replaced, or another document) after
   * moving the counter the change calls for: epoch for configuration, num_updates otherwise.
   */
  replaceCib(cib: Cib, bump: 'epoch' | 'num_updates'): void {
    this.checkNewProblems(cib);
    if (bump === 'epoch') bumpEpoch(cib.root);
    else bumpNumUpdates(cib.root);
    this.write(cib);
    this.loaded = cib;
  }

  /** Writes a CIB whose counters the caller already moved (a patch applied by the store). */
  writeCib(cib: Cib): void {
    this.checkNewProblems(cib);
    this.write(cib);
    this.loaded = cib;
  }

  private checkNewProblems(cib: Cib): void {
    // Only what this command brought in: a CIB that was already off is not ours to refuse.
    const before = new Set((this.loadedProblems ?? []).map(problemKey));
    const problems = schemaProblems(cib).filter((p) => !before.has(problemKey(p)));
    if (problems.length) throw new LibraryError(error({ code: 'CIB_INVALID', problems }));
  }

  private write(cib: Cib): void {
    if (this.cibPath === undefined) throw new LibraryError(error({ code: 'LIVE_CLUSTER_NOT_AVAILABLE', command: 'push' }));
    try {
      writeFileAtomic(this.cibPath, cib.toXml());
    } catch (e) {
      throw new LibraryError(error({ code: 'CIB_PUSH_ERROR', reason: describeCibError(e) }));
    }
  }
}

export function describeCibError(e: unknown): string {
  if (e instanceof CibError) return e.problems.map(renderProblem).join('; ');
  return e instanceof Error ? e.message : String(e);
}
