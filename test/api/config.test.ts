import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/src/config.ts';

describe('configuration', () => {
  it('has working defaults for npm start: port 3000, embedded database in ./data, limits on', () => {
    const config = loadConfig({ HOME: '/home/x' });
    expect(config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      mongodbUri: undefined,
      submissionRateLimit: 10,
      receiptRateLimit: 20,
      rateLimitStore: 'memory',
      trustProxy: false,
      serverSelectionTimeoutMs: 2000,
    });
    expect(config.dataDir).toBe(`${process.cwd()}/data`);
    expect(config.ferretdbCacheDir).toBe('/home/x/.cache/medskapa');
  });

  it('reads every variable', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      PORT: '8080',
      MONGODB_URI: 'mongodb://mongo:27017/medskapa?replicaSet=rs0',
      CONTACT_KEY: 'k1:AAAA',
      APP_SECRET: 'x'.repeat(32),
      SUBMISSION_RATE_LIMIT: '0',
      RECEIPT_RATE_LIMIT: '5',
      RATE_LIMIT_STORE: 'mongodb',
      TRUST_PROXY: '2',
      XDG_CACHE_HOME: '/cache',
    });
    expect(config).toMatchObject({ env: 'production', host: '0.0.0.0', port: 8080, submissionRateLimit: 0, receiptRateLimit: 5, rateLimitStore: 'mongodb', trustProxy: 2 });
    expect(config.ferretdbCacheDir).toBe('/cache/medskapa');
  });

  it('requires CONTACT_KEY and APP_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', CONTACT_KEY: 'k1:AAAA' })).toThrow(/APP_SECRET/);
  });

  it('lists every invalid value at once', () => {
    try {
      loadConfig({ PORT: '70000', RATE_LIMIT_STORE: 'redis', TRUST_PROXY: 'yes', APP_SECRET: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = String(error instanceof Error ? error.message : error);
      for (const name of ['PORT', 'RATE_LIMIT_STORE', 'TRUST_PROXY', 'APP_SECRET']) expect(message).toContain(name);
    }
  });
});
