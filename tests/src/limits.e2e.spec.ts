import WebSocket from 'ws';
import { as, startTestPlatform } from './support/platform';

const INTROSPECTION = '{ __schema { queryType { name } } }';

/** The gateway's limits, as a production deployment runs them (rate limit: 5 requests a minute). */
describe('API limits at the gateway (production settings)', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform({ production: true, ratePerMinute: 5 });
  });
  afterAll(async () => p.dispose());

  /** Each test spends its own user's budget, so the rate limit never mixes into the others. */
  let users = 0;
  const auditor = () => as('AUDITOR', null, `limits.${++users}`);

  it('closes a WebSocket whose message is larger than the body limit (1009), as HTTP refuses the body', async () => {
    const socket = new WebSocket(p.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(300 * 1024) } }));
    expect(await closed).toBe(1009);
  });

  it('turns introspection and field suggestions off', async () => {
    const caller = auditor();
    const introspection = await p.gql(INTROSPECTION, undefined, caller);
    expect(introspection.data ?? null).toBeNull();
    expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await p.gql('{ budgetUnitz { totalCount } }', undefined, caller);
    expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('refuses a request without a CSRF-safe content type or header', async () => {
    const token = await p.mint({ role: 'AUDITOR', userId: `limits.${++users}` });
    const response = await fetch(p.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ budgetUnits { totalCount } }' }),
    });
    const body = (await response.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a body over the size limit with 413, before reading it', async () => {
    const result = await p.gql(
      'query($s: String!) { verifyStream(streamId: $s) { ok } }',
      { s: 'x'.repeat(300_000) },
      auditor(),
    );
    expect(result.status).toBe(413);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  /** A raw request as a fresh auditor; the answer's status and parsed body. */
  async function send(path: string, init: { method?: string; body?: string } = {}) {
    const token = await p.mint({ role: 'AUDITOR', userId: `limits.${++users}` });
    const response = await fetch(`${p.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', 'x-jixiao-csrf': '1', authorization: `Bearer ${token}` },
      body: init.body,
    });
    const raw = await response.text();
    const body = JSON.parse(raw) as { data?: unknown; errors: { extensions: Record<string, string> }[] };
    return { status: response.status, body, raw };
  }
  const bilingual = expect.objectContaining({
    messageZh: expect.stringMatching(/[\u4e00-\u9fff]/),
    messageEn: expect.stringMatching(/[a-z]/),
  });

  it.each(['variables', 'extensions'])('refuses a GET whose %s is not JSON with 400, not 500', async (name) => {
    const query = encodeURIComponent('{ budgetUnits { totalCount } }');
    const { status, body } = await send(`?query=${query}&${name}=${encodeURIComponent('{bad')}`);
    expect(status).toBe(400);
    expect(body.errors[0]!.extensions).toEqual(expect.objectContaining({ code: 'BAD_REQUEST' }));
    expect(body.errors[0]!.extensions).toEqual(bilingual);
  });

  it.each(['{}', '{"query":null}', 'not json'])(
    'refuses the body %s with 400, as other malformed bodies',
    async (raw) => {
      const { status, body } = await send('', { method: 'POST', body: raw });
      expect(status).toBe(400);
      expect(body.errors[0]!.extensions).toEqual(expect.objectContaining({ code: 'BAD_REQUEST' }));
      expect(body.errors[0]!.extensions).toEqual(bilingual);
    },
  );

  it('refuses 5,000 nested list literals as a syntax error, before the parser overflows its stack', async () => {
    const query = `{ budgetUnits(first: ${'['.repeat(5000)}1${']'.repeat(5000)}) { totalCount } }`;
    const { status, body, raw } = await send('', { method: 'POST', body: JSON.stringify({ query }) });
    expect(status).toBeLessThan(500);
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0]!.extensions).toEqual(expect.objectContaining({ code: 'GRAPHQL_PARSE_FAILED' }));
    expect(body.errors[0]!.extensions).toEqual(bilingual);
    expect(raw).toMatch(/32/);
  });

  /** Posts a document as a fresh auditor and returns its first error. */
  const firstError = async (query: string) => {
    const { body } = await send('', { method: 'POST', body: JSON.stringify({ query }) });
    expect(body.data ?? null).toBeNull();
    return body.errors[0] as { message: string; extensions: Record<string, unknown> };
  };

  it('refuses a document nested deeper than 8 levels as too deep, in Chinese and English, not as a syntax error', async () => {
    const error = await firstError(`{ ${'... on Query { '.repeat(9)}__typename${' }'.repeat(9)} }`);
    expect(error.message).not.toMatch(/Syntax Error/);
    expect(error.extensions).toEqual(
      expect.objectContaining({
        code: 'GRAPHQL_VALIDATION_FAILED',
        limit: 'maxDepth',
        messageZh: expect.stringMatching(/^查询嵌套过深：.*8 层/),
        messageEn: expect.stringMatching(/nested too deeply.*8/),
      }),
    );
  });

  it('refuses a document of more than 2,000 tokens with a Chinese and an English message', async () => {
    const error = await firstError(`{ ${'__typename '.repeat(2001)}}`);
    expect(error.message).not.toMatch(/Syntax Error/);
    expect(error.extensions).toEqual(
      expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxTokens' }),
    );
    expect(error.extensions).toEqual(bilingual);
    expect(error.extensions['messageZh']).toMatch(/2000/);
  });

  it('counts an aliased __typename against the 15-alias limit like any other field', async () => {
    const aliases = (n: number) => Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ');
    const within = await send('', { method: 'POST', body: JSON.stringify({ query: `{ ${aliases(15)} }` }) });
    expect(within.body.errors).toBeUndefined();
    const error = await firstError(`{ ${aliases(16)} }`);
    expect(error.message).not.toMatch(/Syntax Error/);
    expect(error.extensions).toEqual(
      expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'maxAliases' }),
    );
    expect(error.extensions).toEqual(bilingual);
  });

  it('refuses a user’s sixth request within a minute with RATE_LIMITED, but not another user’s', async () => {
    const caller = auditor();
    const codes = [];
    for (let i = 0; i < 6; i++) {
      const result = await p.gql('{ budgetUnits { totalCount } }', undefined, caller);
      codes.push(result.errors?.[0]?.extensions?.code ?? result.status);
    }
    expect(codes).toEqual([200, 200, 200, 200, 200, 'RATE_LIMITED']);
    const other = await p.gql('{ budgetUnits { totalCount } }', undefined, auditor());
    expect(other.errors).toBeUndefined();
  });
});
