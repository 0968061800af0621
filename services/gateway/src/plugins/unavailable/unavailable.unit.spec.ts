import { GraphQLError } from 'graphql';
import { isUnreachable } from './unavailable';

describe('a subgraph that cannot be reached', () => {
  it('is told by the connection error, however deep it is wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4001'), { code: 'ECONNREFUSED' });
    const fetchFailed = new TypeError('fetch failed', { cause: refused });
    expect(isUnreachable(refused)).toBe(true);
    expect(isUnreachable(fetchFailed)).toBe(true);
    expect(isUnreachable(new GraphQLError('Unexpected error.', { originalError: fetchFailed }))).toBe(true);
    expect(isUnreachable(new AggregateError([new Error('x'), fetchFailed]))).toBe(true);
  });

  it('is not confused with a subgraph that answered with an error', () => {
    expect(isUnreachable(new GraphQLError('目标不存在', { extensions: { code: 'NOT_FOUND' } }))).toBe(false);
    expect(isUnreachable(new Error('relation "rm_goal" does not exist'))).toBe(false);
    expect(isUnreachable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isUnreachable(null)).toBe(false);
  });
});
