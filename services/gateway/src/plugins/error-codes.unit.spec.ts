import { codeFor } from './error-codes';

describe('gateway error codes', () => {
  it('calls variable coercion failures bad user input', () => {
    expect(
      codeFor(
        'Variable "$i" got invalid value { a: 1 }; Field "b" of required type "String!" was not provided.',
        'result',
      ),
    ).toBe('BAD_USER_INPUT');
    expect(codeFor('Variable "$id" of required type "ID!" was not provided.', 'result')).toBe('BAD_USER_INPUT');
  });

  it('names parse and validation failures by phase', () => {
    expect(codeFor('Syntax Error: Expected Name', 'parse')).toBe('GRAPHQL_PARSE_FAILED');
    expect(codeFor('Cannot query field "nope" on type "Query".', 'validate')).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('calls a missing CSRF header a bad request', () => {
    expect(codeFor('Required CSRF header(s) not present', 'result')).toBe('BAD_REQUEST');
  });
});
