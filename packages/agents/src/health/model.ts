// keepalived's real_server checkers (TCP_CHECK, HTTP_GET, SSL_GET, SMTP_CHECK, MISC_CHECK) as
// data, with the options keepalived gives every checker: connect timeout, retries and the delay
// between them.

export interface CommonCheckOptions {
  connectIp: string;
  connectPort: number;
  /** Seconds in keepalived; milliseconds here. */
  connectTimeoutMs: number;
  /** Attempts after the first failed one. */
  retry: number;
  delayBeforeRetryMs: number;
  bindTo?: string;
}

export interface UrlCheck {
  path: string;
  /** MD5 of the body, hex, as keepalived's genhash prints it. */
  digest?: string;
  /** Expected status code (keepalived accepts any 2xx when none is given). */
  statusCode?: number;
}

export type HealthCheck =
  | ({ kind: 'TCP_CHECK' } & CommonCheckOptions)
  | ({ kind: 'HTTP_GET' | 'SSL_GET'; urls: UrlCheck[]; virtualhost?: string } & CommonCheckOptions)
  | ({ kind: 'SMTP_CHECK'; heloName: string } & CommonCheckOptions)
  | { kind: 'MISC_CHECK'; miscPath: string; miscTimeoutMs: number; miscDynamic: boolean; retry: number; delayBeforeRetryMs: number };

export interface CheckResult {
  ok: boolean;
  detail: string;
  /** MISC_CHECK with misc_dynamic: the weight the script asked for (exit code - 2). */
  weight?: number;
  /** Attempts made (1 + retries used). */
  attempts: number;
}

export type HealthCheckKind = HealthCheck['kind'];
