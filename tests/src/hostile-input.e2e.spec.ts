import { as, REGISTER_UNIT, startTestPlatform } from './support/platform';

/**
 * Text that is no text (a lone UTF-16 surrogate, a control character) is refused as bad input, in
 * both languages, before it reaches a database; the event store is exactly as it was.
 */
describe('hostile text through the gateway', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => p.dispose());

  const unit = (name: string) => ({ input: { code: '201099', name, level: 'FIRST', divisionCode: '429006' } });

  /** Runs the operation as the administrator and checks it was refused and the store did not change. */
  async function refused(query: string, variables: Record<string, unknown>) {
    const before = await p.allEvents();
    const result = await p.gql(query, variables, as('ADMIN'));
    expect(await p.allEvents()).toEqual(before);
    expect(result.status).toBeLessThan(500);
    expect(result.data?.registerBudgetUnit ?? null).toBeNull();
    const error = result.errors![0]!;
    expect(error.extensions).toMatchObject({ messageZh: expect.stringMatching(/[\u4e00-\u9fff]/) });
    expect(error.extensions?.messageEn).toMatch(/[a-z]/i);
    return error;
  }

  it.each([
    ['a lone UTF-16 surrogate', 'x\ud800y', /代理项/],
    ['a lone low surrogate', '\udc00', /代理项/],
    ['a control character', 'x\u001by', /控制字符/],
  ])('refuses %s in a JSON variable as BAD_USER_INPUT, naming the field', async (_what, name, zh) => {
    const error = await refused(REGISTER_UNIT, unit(name));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.issues).toEqual([
      expect.objectContaining({ path: 'input.name', zh: expect.stringMatching(zh) }),
    ]);
  });

  it('refuses a 1,000-character command id, which the store would index, as BAD_USER_INPUT', async () => {
    const error = await refused(REGISTER_UNIT, {
      input: { ...unit('天门市档案馆').input, commandId: 'x'.repeat(1000) },
    });
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.issues).toEqual([expect.objectContaining({ path: 'input.commandId' })]);
  });

  it('refuses a lone surrogate escape in a string literal as a syntax error', async () => {
    const literal = `mutation { registerBudgetUnit(input: { code: "201098", name: "x\\ud800y", level: FIRST, divisionCode: "429006" }) { id } }`;
    const error = await refused(literal, {});
    expect(error.extensions).toMatchObject({
      code: 'GRAPHQL_PARSE_FAILED',
      messageZh: expect.stringMatching(/语法错误/),
    });
    expect(error.extensions?.messageEn).toMatch(/\\ud800/);
  });

  it('keeps tabs, line breaks and a surrogate pair as text', async () => {
    const result = await p.gql(REGISTER_UNIT, unit('天门\t市\r\n😀局'), as('ADMIN'));
    expect(result.errors).toBeUndefined();
  });
});
