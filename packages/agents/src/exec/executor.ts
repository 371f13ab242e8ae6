// The executor: runs operations on resources through their class, one at a time per resource
// (an agent must never see a monitor while its start is running) and in parallel across
// resources, and keeps recurring monitors going until they are cancelled or the resource stops
// (execd_commands.c: a stop cancels the resource's recurring operations first).

import { runLsbOperation } from '../classes/lsb.js';
import { runOcfOperation } from '../classes/ocf.js';
import { runServiceOperation } from '../classes/service.js';
import { fence, FenceDeviceRegistry, runStonithOperation, type FenceResult } from '../classes/stonith.js';
import { runSystemdOperation } from '../classes/systemd.js';
import { executorConfig, type ExecutorConfig } from './config.js';
import { DEFAULT_TIMEOUT_MS, type FenceAction, type OperationRequest, type OperationResult, type ResourceSpec } from './operation.js';

export type RecurringListener = (result: OperationResult) => void;

interface Recurring {
  req: OperationRequest;
  timer: NodeJS.Timeout | undefined;
  cancelled: boolean;
}

export class Executor {
  readonly config: ExecutorConfig;
  readonly fencer = new FenceDeviceRegistry();
  /** The tail of each resource's queue. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly recurring = new Map<string, Recurring>();

  constructor(config: Partial<ExecutorConfig> = {}) {
    this.config = executorConfig(config);
  }

  /** Runs one operation after any earlier ones on the same resource have finished. */
  run(req: OperationRequest): Promise<OperationResult> {
    if (req.action === 'stop') this.cancelRecurring(req.resource.id);
    return this.enqueue(req.resource.id, () => this.dispatch(req));
  }

  /**
   * Starts a recurring operation (a monitor with an interval): the first run comes one interval
   * from now, each next one an interval after the previous finished. Returns its key.
   */
  startRecurring(req: OperationRequest, listener: RecurringListener): string {
    const interval = req.intervalMs ?? 0;
    if (interval <= 0) throw new RangeError('a recurring operation needs an interval above 0');
    const key = recurringKey(req);
    this.cancelRecurringKey(key);
    const entry: Recurring = { req, timer: undefined, cancelled: false };
    const arm = (): void => {
      entry.timer = setTimeout(() => {
        void this.run(req).then((r) => {
          if (entry.cancelled) return;
          listener(r);
          arm();
        });
      }, interval);
    };
    this.recurring.set(key, entry);
    arm();
    return key;
  }

  cancelRecurring(resourceId: string): void {
    for (const [key, entry] of this.recurring) if (entry.req.resource.id === resourceId) this.cancelRecurringKey(key);
  }

  cancelRecurringKey(key: string): void {
    const entry = this.recurring.get(key);
    if (!entry) return;
    entry.cancelled = true;
    clearTimeout(entry.timer);
    this.recurring.delete(key);
  }

  /** Cancels every recurring operation (call before dropping the executor). */
  close(): void {
    for (const key of [...this.recurring.keys()]) this.cancelRecurringKey(key);
  }

  /** Runs a fence action (off, reboot, on, status, list) with a device against a target. */
  fence(device: ResourceSpec, action: FenceAction, target?: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<FenceResult> {
    return this.enqueue(device.id, () => fence(device, action, target, timeoutMs, this.config));
  }

  private enqueue<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.queues.set(id, tail);
    void tail.then(() => {
      if (this.queues.get(id) === tail) this.queues.delete(id);
    });
    return next;
  }

  private dispatch(req: OperationRequest): Promise<OperationResult> {
    switch (req.resource.agent.class) {
      case 'ocf':
        return runOcfOperation(req, this.config);
      case 'lsb':
        return runLsbOperation(req, this.config);
      case 'systemd':
        return runSystemdOperation(req, this.config);
      case 'service':
        return runServiceOperation(req, this.config);
      case 'stonith':
        return runStonithOperation(req, this.config, this.fencer);
    }
  }
}

function recurringKey(req: OperationRequest): string {
  return `${req.resource.id}_${req.action}_${req.intervalMs ?? 0}`;
}
