import path from 'node:path';
import { loadConfig } from './config';

describe('identity and limit settings in the configuration', () => {
  it('defaults to the dev key under the data dir, issuer jixiao-dev, audience jixiao', () => {
    const config = loadConfig({ JIXIAO_DATA_DIR: 'tmp-data' });
    expect(config.auth).toEqual({
      issuer: 'jixiao-dev',
      audience: 'jixiao',
      key: { kind: 'dev', file: path.resolve('tmp-data', 'dev-signing-key.jwk.json') },
      internalSecret: undefined,
    });
    expect(config.limits).toEqual({ ratePerMinute: 600, maxBodyBytes: 262144 });
    expect(loadConfig({ JIXIAO_REDIS_URL: 'redis://127.0.0.1:6379' }).limits.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('takes a JWKS URL, issuer and audience', () => {
    const config = loadConfig({
      JIXIAO_JWKS_URL: 'https://login.example.gov.cn/.well-known/jwks.json',
      JIXIAO_JWT_ISSUER: 'https://login.example.gov.cn',
      JIXIAO_JWT_AUDIENCE: 'jixiao-prod',
    });
    expect(config.auth).toMatchObject({
      issuer: 'https://login.example.gov.cn',
      audience: 'jixiao-prod',
      key: { kind: 'jwks', url: 'https://login.example.gov.cn/.well-known/jwks.json' },
    });
  });

  it('names each wrong identity variable', () => {
    expect(() =>
      loadConfig({ JIXIAO_JWKS_URL: 'ftp://x', JIXIAO_JWT_PUBLIC_KEY: 'abc', JIXIAO_INTERNAL_SECRET: 'short' }),
    ).toThrow(
      /JIXIAO_JWKS_URL: must be an http\(s\):\/\/ URL[\s\S]*JIXIAO_JWT_PUBLIC_KEY: must be a PEM[\s\S]*JIXIAO_INTERNAL_SECRET: must be at least 32/,
    );
  });

  it('refuses both key sources at once, and the dev key in production', () => {
    expect(() =>
      loadConfig({ JIXIAO_JWKS_URL: 'https://a.example/jwks', JIXIAO_JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----x' }),
    ).toThrow('JIXIAO_JWKS_URL, JIXIAO_JWT_PUBLIC_KEY: set one of them, not both');
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/required when NODE_ENV=production/);
  });
});

describe('attachment settings in the configuration', () => {
  it('defaults to 20 MiB of every type the platform recognises from the bytes', () => {
    expect(loadConfig({}).attachments).toEqual({
      maxBytes: 20 * 1024 * 1024,
      contentTypes: [
        'application/pdf',
        'image/jpeg',
        'image/png',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/ofd',
      ],
    });
  });

  it('takes a limit and a list of types', () => {
    expect(
      loadConfig({ JIXIAO_ATTACHMENT_MAX_BYTES: '1048576', JIXIAO_ATTACHMENT_TYPES: ' application/pdf , IMAGE/PNG' })
        .attachments,
    ).toEqual({ maxBytes: 1048576, contentTypes: ['application/pdf', 'image/png'] });
  });

  it('names a limit that is no positive whole number and a type it cannot recognise', () => {
    expect(() => loadConfig({ JIXIAO_ATTACHMENT_MAX_BYTES: '0' })).toThrow(/JIXIAO_ATTACHMENT_MAX_BYTES/);
    expect(() => loadConfig({ JIXIAO_ATTACHMENT_MAX_BYTES: '1.5' })).toThrow(/JIXIAO_ATTACHMENT_MAX_BYTES/);
    expect(() => loadConfig({ JIXIAO_ATTACHMENT_TYPES: 'application/pdf,text/html' })).toThrow(
      /JIXIAO_ATTACHMENT_TYPES: must be types the platform recognises/,
    );
    expect(() => loadConfig({ JIXIAO_ATTACHMENT_TYPES: ' , ' })).toThrow(/JIXIAO_ATTACHMENT_TYPES/);
  });
});
