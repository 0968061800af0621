import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@jixiao/infra';
import { startTestPlatform } from './support/platform';

const CONSOLE = 'http://127.0.0.1:5173';
const COUNT_ID = 'sha256:budget-unit-count';

/**
 * The platform as an operator configures it for a web console on another origin, in production's
 * trusted-documents-only mode: `JIXIAO_CORS_ORIGINS`, `JIXIAO_PERSISTED_DOCUMENTS`, `JIXIAO_PERSISTED_ONLY`.
 */
describe('the platform configured for a browser front end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-browser-'));
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;

  beforeAll(async () => {
    const file = join(dir, 'persisted-documents.json');
    writeFileSync(file, JSON.stringify({ [COUNT_ID]: 'query Count { budgetUnits { totalCount } }' }));
    const { browser } = loadConfig({
      JIXIAO_CORS_ORIGINS: `${CONSOLE},https://console.example.gov.cn`,
      JIXIAO_PERSISTED_DOCUMENTS: file,
      JIXIAO_PERSISTED_ONLY: 'true',
    });
    platform = await startTestPlatform({ browser });
  });
  afterAll(async () => {
    await platform?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** POSTs `body` from a browser page on `origin`, as an auditor. */
  async function post(body: object, origin: string) {
    const token = await platform.mint({ role: 'AUDITOR' });
    return fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin },
      body: JSON.stringify(body),
    });
  }

  it('runs a trusted document by id for the console, with its CORS answer', async () => {
    const response = await post({ documentId: COUNT_ID }, CONSOLE);

    expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE);
    expect(await response.json()).toEqual({ data: { budgetUnits: { totalCount: 0 } } });
  });

  it('refuses a query text in persisted-only mode, and gives another origin no CORS answer', async () => {
    const response = await post({ query: '{ budgetUnits { totalCount } }' }, 'https://elsewhere.example');
    const body = await response.json();

    expect(response.status).toBe(400);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_ID_REQUIRED' });
  });

  it('serves GraphiQL with its files from the platform (development)', async () => {
    const html = await (await fetch(platform.url, { headers: { accept: 'text/html' } })).text();
    const script = /<script src="([^"]+)"/.exec(html)?.[1];

    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(script).toMatch(/^\/graphiql\//);
    expect((await fetch(new URL(script!, platform.url))).status).toBe(200);
  });
});
