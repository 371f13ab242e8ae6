// An agent that cannot be used here (not installed, meta-data unreadable, no systemd). Its own
// module so that commands can catch it without loading the agent catalog.

export class AgentUnavailable extends Error {
  constructor(
    readonly agent: string,
    readonly reason: string,
  ) {
    super(`${agent}: ${reason}`);
    this.name = 'AgentUnavailable';
  }
}
