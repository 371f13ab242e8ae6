// Agent meta-data (OCF resource-agent API 1.0/1.1, and fence agents' variant of it).

export interface AgentParameter {
  name: string;
  required: boolean;
  unique: boolean;
  uniqueGroup: string | undefined;
  reloadable: boolean;
  /** string, integer, boolean, select, second, time, … as the agent declares it. */
  type: string;
  default: string | undefined;
  /** Allowed values for select parameters. */
  options: string[];
  shortdesc: string;
  longdesc: string;
  deprecated: boolean;
  /** Names this parameter replaces or is replaced by (deprecated parameters). */
  replacedWith: string[];
  /** Fence agents: an obsolete alias of another parameter. */
  obsoletes: string | undefined;
  /** Fence agents mark advanced parameters. */
  advanced: boolean;
}

export interface AgentAction {
  name: string;
  timeout: string | undefined;
  interval: string | undefined;
  role: string | undefined;
  depth: string | undefined;
  startDelay: string | undefined;
  /** Every attribute of the <action>, in document order. */
  attributes: [string, string][];
}

export interface AgentMetadata {
  /** The agent's name attribute (e.g. "IPaddr2"). */
  name: string;
  /** The agent's own version (resource-agent@version). */
  agentVersion: string | undefined;
  /** The OCF API version it claims (<version>), e.g. "1.0" or "1.1". */
  ocfVersion: string | undefined;
  shortdesc: string;
  longdesc: string;
  parameters: AgentParameter[];
  actions: AgentAction[];
}
