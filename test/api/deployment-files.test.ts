import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EnvSchema } from '../../api/src/config.ts';

// Docker cannot run on the CI machines, so the deployment files are checked for what matters instead.
const root = new URL('../../', import.meta.url);
const read = (file: string) => readFile(new URL(file, root), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  volumes?: string[];
  user?: string;
  read_only?: boolean;
}

describe('docker-compose.yml', () => {
  it('runs MongoDB 7 as a replica set with an init step, and the app against it with healthchecks and a named volume', async () => {
    const compose = parse(await read('docker-compose.yml')) as { services: Record<string, ComposeService>; volumes: Record<string, unknown> };
    const { mongo, 'mongo-init': init, app } = compose.services;
    expect(mongo?.image).toMatch(/^mongo:7(\.|$)/);
    expect(mongo?.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
    expect(mongo?.healthcheck?.test.join(' ')).toContain('ping');
    expect(mongo?.volumes).toContain('mongo-data:/data/db');
    expect(Object.keys(compose.volumes)).toContain('mongo-data');

    expect(init?.image).toBe(mongo?.image);
    expect(init?.command?.join(' ')).toContain('rs.initiate');
    expect(init?.depends_on?.['mongo']?.condition).toBe('service_healthy');

    expect(app?.build).toEqual({ context: '.', dockerfile: 'api/Dockerfile' });
    expect(app?.depends_on?.['mongo-init']?.condition).toBe('service_completed_successfully');
    expect(app?.healthcheck?.test.join(' ')).toContain('/readyz');
    expect(app?.environment?.['MONGODB_URI']).toMatch(/^mongodb:\/\/mongo:27017\/medskapa\?replicaSet=rs0/);
    expect(app?.environment?.['NODE_ENV']).toBe('production');
    expect(app?.environment?.['CONTACT_KEY']).toMatch(/^\$\{CONTACT_KEY:\?/);
    expect(app?.environment?.['APP_SECRET']).toMatch(/^\$\{APP_SECRET:\?/);
    expect(app?.read_only).toBe(true);
  });

  it('sets only environment variables the app knows', async () => {
    const compose = parse(await read('docker-compose.yml')) as { services: Record<string, ComposeService> };
    const known = Object.keys(EnvSchema.shape);
    for (const name of Object.keys(compose.services['app']?.environment ?? {})) expect(known, name).toContain(name);
  });
});

describe('api/Dockerfile', () => {
  it('is a multi-stage Node 24 build that runs as a non-root user and serves the built form', async () => {
    const dockerfile = await read('api/Dockerfile');
    const stages = dockerfile.split('\n').filter((line) => line.startsWith('FROM '));
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/^FROM node:24/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('npm run build --workspace @medskapa/form-ui');
    expect(dockerfile).toContain('--omit=dev');
    expect(dockerfile).toMatch(/^CMD \["node", "api\/src\/server\.ts"\]$/m);
  });
});

describe('README', () => {
  it('starts with what Medskapa is and the two commands, and documents every environment variable', async () => {
    const readme = await read('README.md');
    expect(readme.slice(0, 1500)).toContain('npm install && npm start');
    expect(readme.slice(0, 1500)).toContain('npm test');
    for (const name of Object.keys(EnvSchema.shape)) expect(readme, name).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
  });
});

describe('docker-compose.prod.yml', () => {
  interface ProdService extends ComposeService {
    deploy?: { replicas?: number };
    networks?: string[];
    ports?: string[];
    secrets?: string[];
    entrypoint?: string[];
    tmpfs?: string[];
  }
  interface Prod {
    services: Record<string, ProdService>;
    volumes: Record<string, unknown>;
    networks: Record<string, { internal?: boolean } | null>;
    secrets: Record<string, { file: string }>;
  }
  const load = async () => parse(await read('docker-compose.prod.yml'), { merge: true }) as Prod;

  it('runs a three-member MongoDB 7 replica set with an init job, on a network with no way in from outside', async () => {
    const { services, networks, volumes } = await load();
    const members = ['mongo1', 'mongo2', 'mongo3'];
    for (const name of members) {
      const member = services[name];
      expect(member?.image, name).toMatch(/^mongo:7(\.|$)/);
      expect(member?.command, name).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
      expect(member?.healthcheck?.test.join(' '), name).toContain('ping');
      expect(member?.ports, name).toBeUndefined();
      expect(member?.networks, name).toEqual(['backend']);
      expect(member?.volumes, name).toEqual([`${name}-data:/data/db`]);
      expect(Object.keys(volumes)).toContain(`${name}-data`);
    }
    expect(networks['backend']?.internal).toBe(true);
    const init = services['mongo-init'];
    const script = init?.command?.join(' ') ?? '';
    expect(script).toContain('rs.initiate');
    for (const name of members) {
      expect(script).toContain(`host: '${name}:27017'`);
      expect(init?.depends_on?.[name]?.condition).toBe('service_healthy');
    }
  });

  it('runs two app replicas against every member with majority writes and retryable writes, secrets from files', async () => {
    const { services, secrets } = await load();
    const app = services['app'];
    expect(app?.deploy?.replicas).toBe(2);
    expect(app?.build).toEqual({ context: '.', dockerfile: 'api/Dockerfile' });
    expect(app?.depends_on?.['mongo-init']?.condition).toBe('service_completed_successfully');
    const env = app?.environment ?? {};
    const mongo = /^mongodb:\/\/([^/]+)\/([^?]+)\?(.*)$/.exec(env['MONGODB_URI'] ?? '');
    expect(mongo?.[1]).toBe('mongo1:27017,mongo2:27017,mongo3:27017');
    expect(mongo?.[2]).toBe('medskapa');
    expect(Object.fromEntries(new URLSearchParams(mongo?.[3]))).toEqual({ replicaSet: 'rs0', w: 'majority', retryWrites: 'true' });
    expect(env['NODE_ENV']).toBe('production');
    expect(env['RATE_LIMIT_STORE']).toBe('mongodb');
    expect(env['TRUST_PROXY']).toBe('1');
    // Secrets only through files, never as plain variables.
    for (const name of ['CONTACT_KEY', 'APP_SECRET', 'OIDC_CLIENT_SECRET']) {
      expect(env[name], name).toBeUndefined();
      expect(env[`${name}_FILE`], name).toBe(`/run/secrets/${name.toLowerCase()}`);
      expect(app?.secrets).toContain(name.toLowerCase());
      expect(secrets[name.toLowerCase()]?.file).toBe(`./secrets/${name.toLowerCase()}`);
    }
    const known = Object.keys(EnvSchema.shape);
    for (const name of Object.keys(env)) expect(known, name).toContain(name);
    expect(app?.read_only).toBe(true);
    expect(app?.ports).toBeUndefined();
    expect(app?.healthcheck?.test.join(' ')).toContain('/readyz');
  });

  it('puts Caddy with TLS in front, balancing both replicas with health checks on /readyz', async () => {
    const { services } = await load();
    const proxy = services['proxy'];
    expect(proxy?.image).toMatch(/^caddy:2/);
    expect(proxy?.ports).toEqual(expect.arrayContaining(['443:443', '80:80']));
    expect(proxy?.volumes).toContain('./deploy/caddy/Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(proxy?.networks).toEqual(['frontend']);
    const caddyfile = await read('deploy/caddy/Caddyfile');
    expect(caddyfile).toMatch(/^\{\$MEDSKAPA_HOST:localhost\} \{$/m);
    expect(caddyfile).toMatch(/^\s*tls \{\$MEDSKAPA_TLS:internal\}$/m);
    expect(caddyfile).toMatch(/dynamic a app 3000/);
    expect(caddyfile).toMatch(/health_uri \/readyz/);
    expect(caddyfile).not.toMatch(/^\s*encode\b/m);
    // Braces balance: a Caddyfile that does not parse is caught here rather than at the region.
    const code = caddyfile.replace(/#.*$/gm, '').replace(/\{\$[A-Z_]+(:[^}]*)?\}/g, '');
    expect(code.split('{').length).toBe(code.split('}').length);
  });

  it('backs up with mongodump on a schedule into a volume, keeping N', async () => {
    const { services, volumes } = await load();
    const backup = services['backup'];
    expect(backup?.image).toMatch(/^mongo:7(\.|$)/);
    expect(backup?.entrypoint?.join(' ')).toContain('mongodump-loop.sh');
    expect(backup?.volumes).toEqual(expect.arrayContaining(['./deploy/backup/mongodump-loop.sh:/usr/local/bin/mongodump-loop.sh:ro', '${MEDSKAPA_BACKUP_DIR:-backups}:/backups']));
    expect(Object.keys(volumes)).toContain('backups');
    expect(backup?.environment?.['MONGODB_URI']).toBe('mongodb://mongo1:27017,mongo2:27017,mongo3:27017/?replicaSet=rs0');
    expect(backup?.environment?.['BACKUP_KEEP']).toMatch(/^\$\{BACKUP_KEEP:-\d+\}$/);
  });

  it('the backup script makes a consistent dump, writes a checksum and keeps only the newest N (run with a stand-in mongodump)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'medskapa-dump-'));
    try {
      const bin = path.join(dir, 'bin');
      const backups = path.join(dir, 'backups');
      await mkdir(bin);
      await mkdir(backups);
      // Writes its own arguments into the archive, so the test sees how it was called.
      await writeFile(path.join(bin, 'mongodump'), '#!/bin/sh\nfor a in "$@"; do case "$a" in --archive=*) out="${a#--archive=}";; esac; done\necho "$@" > "$out"\n', { mode: 0o755 });
      for (const stamp of ['20200101T023000Z', '20200102T023000Z', '20200103T023000Z']) await writeFile(path.join(backups, `medskapa-${stamp}.archive.gz`), 'old');
      await writeFile(path.join(backups, 'unrelated.txt'), 'keep me');
      const output = execFileSync('sh', ['deploy/backup/mongodump-loop.sh'], {
        cwd: fileURLToPath(root),
        env: { PATH: `${bin}:${process.env['PATH'] ?? ''}`, BACKUP_ONCE: '1', BACKUP_KEEP: '2', BACKUP_DIR: backups, MONGODB_URI: 'mongodb://m1,m2,m3/?replicaSet=rs0' },
      }).toString('utf8');
      expect(output).toContain('backup written');
      const files = (await readdir(backups)).sort();
      const fresh = files.filter((file) => /^medskapa-\d{8}T\d{6}Z\.archive\.gz$/.test(file) && !file.startsWith('medskapa-2020'));
      expect(fresh).toHaveLength(1);
      expect(files).toEqual([...new Set(['medskapa-20200103T023000Z.archive.gz', fresh[0]!, `${fresh[0]!}.sha256`, 'unrelated.txt'])].sort());
      const args = await readFile(path.join(backups, fresh[0]!), 'utf8');
      expect(args).toContain('--oplog');
      expect(args).toContain('--gzip');
      expect(args).toContain('--readPreference=secondaryPreferred');
      expect(args).toContain('--uri=mongodb://m1,m2,m3/?replicaSet=rs0');
      expect(execFileSync('sha256sum', ['-c', `${fresh[0]!}.sha256`], { cwd: backups }).toString('utf8')).toContain('OK');
      expect(() => execFileSync('sh', ['deploy/backup/mongodump-loop.sh'], { cwd: fileURLToPath(root), env: { PATH: process.env['PATH'] ?? '', BACKUP_KEEP: '0', MONGODB_URI: 'x' }, stdio: 'pipe' })).toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('docs/operations.md', () => {
  it('covers deployment, every variable, backup and restore with a measured time, key rotation, scaling, upgrades, monitoring and incidents', async () => {
    const guide = await read('docs/operations.md');
    for (const heading of ['Deployment', 'Configuration', 'Backup and restore', 'Rotating the contact-detail key', 'Scaling out', 'Upgrades', 'Monitoring', 'Incident checklist']) {
      expect(guide, heading).toMatch(new RegExp(`^##+ .*${heading}`, 'm'));
    }
    for (const name of Object.keys(EnvSchema.shape)) expect(guide, name).toContain(`\`${name}\``);
    for (const command of ['npm run backup', 'npm run restore', 'npm run contacts:rotate', 'mongorestore', '--oplogReplay']) expect(guide, command).toContain(command);
    expect(guide).toMatch(/Measured restore time/);
    expect(guide).toMatch(/72 (h|hours|timmar)/);
    const readme = await read('README.md');
    expect(readme).toContain('docs/operations.md');
  });
});
