import { describe, expect, it } from 'vitest';
import { RELAY_LIMITS } from '../../src/protocol/net/limits.ts';
import { DEFAULT_PORT, loadConfig } from '../src/config.ts';

describe('relay config', () => {
  it('defaults to port 8080, ./data, no HTTPS and the protocol limits', () => {
    const c = loadConfig([], {});
    expect(c).toMatchObject({ port: DEFAULT_PORT, host: undefined, https: undefined, limits: RELAY_LIMITS });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('reads the environment, and flags win over it', () => {
    const env = { PORT: '9000', SPACETIME_DATA: '/tmp/env-data', SPACETIME_LIMITS: 'chatPerMinute=5' };
    expect(loadConfig([], env)).toMatchObject({ port: 9000, dataDir: '/tmp/env-data', limits: { chatPerMinute: 5 } });
    const c = loadConfig(['--port', '9100', '--data=/tmp/flag-data', '--host', '127.0.0.1', '--limit', 'editsPerSecond=20'], env);
    expect(c).toMatchObject({ port: 9100, dataDir: '/tmp/flag-data', host: '127.0.0.1', limits: { chatPerMinute: 5, editsPerSecond: 20 } });
  });

  it('refuses bad values with a message naming them', () => {
    expect(() => loadConfig(['--port', '70000'], {})).toThrow(/port/);
    expect(() => loadConfig(['--limit', 'nope=1'], {})).toThrow(/unknown limit "nope"/);
    expect(() => loadConfig(['--https-key', '/k.pem'], {})).toThrow(/both a key and a certificate/);
  });
});
