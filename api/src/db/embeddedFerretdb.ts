import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const FERRETDB_VERSION = 'v1.24.2';
const WRAPPER_DIR = fileURLToPath(new URL('./embedded-ferretdb/', import.meta.url));
const WRAPPER_FILES = ['go.mod', 'go.sum', 'main.go'];

export class EmbeddedDatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDatabaseUnavailableError';
  }
}

export const NO_GO_MESSAGE = [
  'Medskapa needs a MongoDB-compatible database, and the embedded one (FerretDB) is built with Go,',
  'which was not found on this machine. Any one of these gets you going:',
  '  1. Point to a running server:   MONGODB_URI=mongodb://localhost:27017/medskapa npm start',
  '  2. Run the production stack:    docker compose up',
  '  3. Install Go 1.24 or newer (https://go.dev/dl/), then run npm start again.',
].join('\n');

type Progress = (line: string) => void;

async function wrapperFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of WRAPPER_FILES) hash.update(await readFile(path.join(WRAPPER_DIR, file)));
  return hash.digest('hex').slice(0, 12);
}

function hasGo(): boolean {
  const result = spawnSync('go', ['version'], { stdio: 'ignore' });
  return result.status === 0;
}

/** Builds the FerretDB wrapper once per version into the cache directory, outside the clone. */
export async function ensureFerretdbBinary(cacheDir: string, progress: Progress = () => {}): Promise<string> {
  const binary = path.join(cacheDir, `embedded-ferretdb-${FERRETDB_VERSION}-${await wrapperFingerprint()}`);
  if (existsSync(binary)) return binary;
  if (!hasGo()) throw new EmbeddedDatabaseUnavailableError(NO_GO_MESSAGE);

  await mkdir(cacheDir, { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  progress(`Building FerretDB ${FERRETDB_VERSION} with Go (first run only; a minute or three)…`);
  const started = Date.now();
  let packages = 0;
  await new Promise<void>((resolve, reject) => {
    const child = spawn('go', ['build', '-v', '-trimpath', '-buildvcs=false', '-o', partial, '.'], {
      cwd: WRAPPER_DIR,
      env: { ...process.env, CGO_ENABLED: process.env['CGO_ENABLED'] ?? '0' },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    const tail: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      packages += 1;
      if (packages % 50 === 0) progress(`  …compiled ${packages} packages`);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new EmbeddedDatabaseUnavailableError(`Building FerretDB failed (go build exited ${code}):\n${tail.join('\n')}`));
    });
  });
  await chmod(partial, 0o755);
  await rename(partial, binary);
  progress(`FerretDB built in ${Math.round((Date.now() - started) / 1000)} s: ${binary}`);
  return binary;
}

export type FerretdbBackend =
  | { readonly handler: 'sqlite'; readonly directory: string }
  | { readonly handler: 'postgresql'; readonly url: string };

export interface RunningFerretdb {
  /** `mongodb://127.0.0.1:PORT/` with no database name. */
  readonly uri: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts FerretDB bound to 127.0.0.1 (a free port unless one is given); it exits with its parent. */
export async function startFerretdb(
  binary: string,
  backend: FerretdbBackend,
  options: { listenAddr?: string; logLevel?: 'debug' | 'info' | 'warn' | 'error' } = {},
): Promise<RunningFerretdb> {
  const args = ['-handler', backend.handler, '-listen-addr', options.listenAddr ?? '127.0.0.1:0', '-log-level', options.logLevel ?? 'warn'];
  if (backend.handler === 'sqlite') {
    await mkdir(backend.directory, { recursive: true });
    args.push('-sqlite-url', `file:${backend.directory.endsWith('/') ? backend.directory : `${backend.directory}/`}`);
  } else {
    args.push('-postgresql-url', backend.url);
  }
  const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const uri = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('FerretDB did not start within 30 s')), 30_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        const parsed: unknown = JSON.parse(line);
        if (typeof parsed === 'object' && parsed !== null && 'uri' in parsed && typeof parsed.uri === 'string') resolve(parsed.uri);
        else reject(new Error(`unexpected FerretDB output: ${line}`));
      } catch (error) {
        reject(error);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`FerretDB exited with code ${code}:\n${stderrTail.join('\n')}`));
    });
    child.once('error', reject);
  });

  return {
    uri,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function removeDirectory(directory: string): Promise<void> {
  await rm(directory, { recursive: true, force: true });
}
