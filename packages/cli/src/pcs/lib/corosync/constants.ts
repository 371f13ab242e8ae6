// The corosync.conf options pcs knows, by section, and the names it shows users for link
// options that corosync spells differently (knet_* prefixes).

export const TRANSPORTS_KNET = ['knet'];
export const TRANSPORTS_UDP = ['udp', 'udpu'];
export const TRANSPORTS_ALL = [...TRANSPORTS_KNET, ...TRANSPORTS_UDP];
export const TRANSPORT_DEFAULT = 'knet';

export const KNET_CRYPTO_OPTIONS = ['cipher', 'hash', 'model'];
export const KNET_COMPRESSION_OPTIONS = ['level', 'model', 'threshold'];
export const KNET_GENERIC_OPTIONS = ['ip_version', 'knet_pmtud_interval', 'link_mode'];
export const UDP_GENERIC_OPTIONS = ['ip_version', 'netmtu'];

export const TOTEM_OPTIONS = [
  'block_unlisted_ips',
  'consensus',
  'downcheck',
  'fail_recv_const',
  'heartbeat_failures_allowed',
  'hold',
  'join',
  'max_messages',
  'max_network_delay',
  'merge',
  'miss_count_const',
  'send_join',
  'seqno_unchanged_const',
  'token',
  'token_coefficient',
  'token_retransmit',
  'token_retransmits_before_loss_const',
  'window_size',
];

export const QUORUM_OPTIONS = ['auto_tie_breaker', 'last_man_standing', 'last_man_standing_window', 'wait_for_all'];

export const LINKS_KNET_MAX = 8;
export const LINKS_UDP_MAX = 1;
export const LINKS_MAX = LINKS_KNET_MAX;

export const NODE_OPTIONS = ['name', 'nodeid', ...Array.from({ length: LINKS_MAX }, (_, i) => `ring${i}_addr`)];

export const IP_VERSIONS = ['ipv4', 'ipv6', 'ipv4-6', 'ipv6-4'];

/** (name users give, name in corosync.conf) */
export const KNET_LINK_OPTION_NAMES: readonly (readonly [string, string])[] = [
  ['linknumber', 'linknumber'],
  ['link_priority', 'knet_link_priority'],
  ['mcastport', 'mcastport'],
  ['ping_interval', 'knet_ping_interval'],
  ['ping_precision', 'knet_ping_precision'],
  ['ping_timeout', 'knet_ping_timeout'],
  ['pong_count', 'knet_pong_count'],
  ['transport', 'knet_transport'],
];
export const KNET_LINK_OPTIONS = KNET_LINK_OPTION_NAMES.map(([user]) => user).sort();
export const UDP_LINK_OPTIONS = ['bindnetaddr', 'broadcast', 'mcastaddr', 'mcastport', 'ttl'];

export const COROSYNC_LOG_FILE = '/var/log/corosync/corosync.log';
