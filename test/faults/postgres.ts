import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/processes.ts';

const run = promisify(execFile);

/** PostgreSQL's binaries: PG_BIN if set, else the newest /usr/lib/postgresql/N/bin (Debian's layout). */
export function postgresBinDir(): string {
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv !== undefined && existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const bin = path.join(root, version, 'bin');
    if (existsSync(path.join(bin, 'initdb'))) return bin;
  }
  throw new Error('PostgreSQL binaries (initdb, pg_ctl) not found; install PostgreSQL or set PG_BIN');
}

/**
 * A throwaway PostgreSQL cluster of the test's own, made with initdb in a temporary directory and listening
 * on a free 127.0.0.1 port (never the machine's own server). initdb refuses to run as root, so as root the
 * cluster belongs to the `postgres` system user.
 */
export class TestPostgres {
  readonly directory: string;
  readonly port: number;
  readonly #bin: string;
  readonly #asUser: string | undefined;

  private constructor(directory: string, port: number, bin: string, asUser: string | undefined) {
    this.directory = directory;
    this.port = port;
    this.#bin = bin;
    this.#asUser = asUser;
  }

  static async create(): Promise<TestPostgres> {
    const bin = postgresBinDir();
    const directory = await mkdtemp(path.join(tmpdir(), 'medskapa-faults-pg-'));
    const asUser = process.getuid?.() === 0 ? 'postgres' : undefined;
    if (asUser !== undefined) {
      const uid = Number(execFileSync('id', ['-u', asUser]).toString().trim());
      const gid = Number(execFileSync('id', ['-g', asUser]).toString().trim());
      await chown(directory, uid, gid);
    }
    const pg = new TestPostgres(directory, await freePort(), bin, asUser);
    await pg.#pg('initdb', ['-D', pg.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-instructions']);
    return pg;
  }

  get dataDir(): string {
    return path.join(this.directory, 'data');
  }

  /** A FerretDB PostgreSQL URL for one database of this cluster. */
  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async #pg(tool: string, args: string[]): Promise<string> {
    const binary = path.join(this.#bin, tool);
    const [file, argv] = this.#asUser === undefined ? [binary, args] : ['runuser', ['-u', this.#asUser, '--', binary, ...args]];
    const { stdout } = await run(file, argv, { cwd: this.directory, maxBuffer: 4 * 1024 * 1024 });
    return stdout;
  }

  /** Starts the server and waits until it accepts connections (WAL recovery included after a crash). */
  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${this.directory}`,
      '-c max_connections=200',
      '-c fsync=on',
      '-c synchronous_commit=on',
    ].join(' ');
    await this.#pg('pg_ctl', ['start', '-w', '-t', '60', '-D', this.dataDir, '-l', path.join(this.directory, 'server.log'), '-o', options]);
  }

  /** `pg_ctl stop -m immediate`: every backend is killed without a checkpoint, as in a crash. */
  async stopImmediately(): Promise<void> {
    await this.#pg('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', this.dataDir]);
  }

  async createDatabase(name: string): Promise<void> {
    await this.#pg('psql', ['-h', '127.0.0.1', '-p', String(this.port), '-U', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', `CREATE DATABASE "${name}"`]);
  }

  async log(): Promise<string> {
    return readFile(path.join(this.directory, 'server.log'), 'utf8').catch(() => '');
  }

  /** Stops the server (fast) and removes the cluster. */
  async destroy(): Promise<void> {
    await this.#pg('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', this.dataDir]).catch(() => '');
    await rm(this.directory, { recursive: true, force: true });
  }

  /** For an exit handler: stop without waiting for anything asynchronous. */
  stopSync(): void {
    const binary = path.join(this.#bin, 'pg_ctl');
    const args = ['stop', '-m', 'immediate', '-D', this.dataDir];
    try {
      if (this.#asUser === undefined) execFileSync(binary, args, { stdio: 'ignore' });
      else execFileSync('runuser', ['-u', this.#asUser, '--', binary, ...args], { stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
  }
}
