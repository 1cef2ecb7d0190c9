import { readFile } from 'node:fs/promises';
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
