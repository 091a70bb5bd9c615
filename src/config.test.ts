import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for the embedded database', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ port: 3000, dataDir: './data', baseUrl: 'http://localhost:3000', secureCookies: false });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({ PORT: 'x', DATABASE_URL: 'mysql://db', SESSION_SECRET: 'short', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'DATABASE_URL', 'SESSION_SECRET', 'LOG_LEVEL']);
    }
  });

  it('uses secure cookies behind https', () => {
    expect(parseConfig({ BASE_URL: 'https://meldpunt.example.nl/' })).toMatchObject({ baseUrl: 'https://meldpunt.example.nl', secureCookies: true });
  });
});
