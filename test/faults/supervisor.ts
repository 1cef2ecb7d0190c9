import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '../support/processes.ts';

export interface SupervisorOptions {
  /** Shown in logs and reports, e.g. "api-a". */
  readonly name: string;
  readonly env: NodeJS.ProcessEnv;
  readonly port: number;
  /** Where the API's stdout and stderr go (appended across restarts). */
  readonly logFile: string;
  /** Restart after an unexpected exit (as systemd's Restart=always). */
  readonly restart: boolean;
  readonly restartDelayMs?: number;
}

export interface SupervisorEvent {
  readonly kind: 'spawned' | 'exited' | 'ready';
  readonly at: number;
  readonly pid: number | undefined;
  readonly detail?: string;
}

/**
 * A small process supervisor for `node api/src/server.ts`: starts it, restarts it when it dies (unless told
 * to stop), and records when each process was spawned, became ready (GET /healthz) and exited.
 */
export class ApiSupervisor {
  readonly options: SupervisorOptions;
  readonly events: SupervisorEvent[] = [];
  #child: ChildProcess | undefined;
  #stopping = false;
  #log: WriteStream;
  #restarts = 0;

  constructor(options: SupervisorOptions) {
    this.options = options;
    this.#log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get pid(): number | undefined {
    return this.#child?.exitCode === null && this.#child.signalCode === null ? this.#child.pid : undefined;
  }

  get restarts(): number {
    return this.#restarts;
  }

  /** Starts the process and waits until it answers /healthz. */
  async start(timeoutMs = 60_000): Promise<void> {
    this.#stopping = false;
    this.#spawn();
    await this.waitReady(timeoutMs);
  }

  async waitReady(timeoutMs = 60_000): Promise<number> {
    const ok = await waitFor(async () => (await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(1000) })).ok, timeoutMs, 50);
    if (!ok) throw new Error(`${this.options.name} did not become ready within ${timeoutMs} ms (see ${this.options.logFile})`);
    const at = Date.now();
    this.events.push({ kind: 'ready', at, pid: this.pid });
    return at;
  }

  #spawn(): void {
    const child = spawn(process.execPath, ['api/src/server.ts'], { env: this.options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.#child = child;
    this.events.push({ kind: 'spawned', at: Date.now(), pid: child.pid });
    child.stdout?.pipe(this.#log, { end: false });
    child.stderr?.pipe(this.#log, { end: false });
    child.once('exit', (code, signal) => {
      this.events.push({ kind: 'exited', at: Date.now(), pid: child.pid, detail: signal ?? `code ${code}` });
      if (this.#stopping || !this.options.restart || this.#child !== child) return;
      this.#restarts += 1;
      void sleep(this.options.restartDelayMs ?? 200).then(() => {
        if (!this.#stopping && this.#child === child) this.#spawn();
      });
    });
  }

  /** Sends a signal to the running process (SIGKILL for a crash); the supervisor restarts it if configured. */
  kill(signal: NodeJS.Signals = 'SIGKILL'): number {
    const pid = this.pid;
    if (pid === undefined) throw new Error(`${this.options.name} is not running`);
    process.kill(pid, signal);
    return pid;
  }

  /** The time the process after `afterPid` was spawned and became ready. */
  async nextReady(afterPid: number, timeoutMs = 30_000): Promise<{ spawnedAt: number; readyAt: number }> {
    const ok = await waitFor(async () => this.pid !== undefined && this.pid !== afterPid, timeoutMs, 20);
    if (!ok) throw new Error(`${this.options.name} was not restarted within ${timeoutMs} ms`);
    const spawned = [...this.events].reverse().find((event) => event.kind === 'spawned');
    const readyAt = await this.waitReady(timeoutMs);
    return { spawnedAt: spawned?.at ?? readyAt, readyAt };
  }

  /** SIGTERM (graceful) and wait; SIGKILL after 10 s. */
  async stop(): Promise<void> {
    this.#stopping = true;
    const child = this.#child;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.#log.end(() => resolve()));
  }
}
