import path from 'node:path';
import { loadConfig } from './config';

describe('browser front end settings in the configuration', () => {
  it('has CORS off and no trusted documents by default', () => {
    expect(loadConfig({}).browser).toEqual({ corsOrigins: [] });
  });

  it('takes a comma-separated list of exact origins', () => {
    const config = loadConfig({ JIXIAO_CORS_ORIGINS: 'https://console.example.gov.cn, http://127.0.0.1:5173,' });

    expect(config.browser.corsOrigins).toEqual(['https://console.example.gov.cn', 'http://127.0.0.1:5173']);
  });

  it.each(['*', 'https://*.example.gov.cn', 'https://console.example.gov.cn/', 'console.example.gov.cn'])(
    'refuses %s as an origin',
    (origin) => {
      expect(() => loadConfig({ JIXIAO_CORS_ORIGINS: origin })).toThrow(
        /JIXIAO_CORS_ORIGINS: must be exact origins, comma-separated.*不可用通配符/,
      );
    },
  );

  it('takes a trusted documents file, resolved from the current directory, and persisted-only', () => {
    expect(loadConfig({ JIXIAO_PERSISTED_DOCUMENTS: 'ops/trusted.json' }).browser.persistedDocuments).toEqual({
      file: path.resolve('ops/trusted.json'),
      only: false,
    });
    expect(
      loadConfig({ JIXIAO_PERSISTED_DOCUMENTS: 'ops/trusted.json', JIXIAO_PERSISTED_ONLY: 'true' }).browser
        .persistedDocuments,
    ).toMatchObject({ only: true });
  });

  it('refuses persisted-only without a file, and a value other than true or false', () => {
    expect(() => loadConfig({ JIXIAO_PERSISTED_ONLY: 'true' })).toThrow(
      'JIXIAO_PERSISTED_DOCUMENTS: required when JIXIAO_PERSISTED_ONLY=true',
    );
    expect(() => loadConfig({ JIXIAO_PERSISTED_ONLY: 'yes' })).toThrow('JIXIAO_PERSISTED_ONLY: must be true or false');
  });
});
