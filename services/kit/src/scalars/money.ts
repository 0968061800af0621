import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { formatYuan, MAX_FEN, moneyTextProblem, parseYuan, type Fen } from '@jixiao/events';

function refuse(problem: { zh: string; en: string }): GraphQLError {
  return new GraphQLError(`${problem.zh} (${problem.en})`, {
    extensions: { code: 'BAD_USER_INPUT', messageZh: problem.zh, messageEn: problem.en },
  });
}

const NOT_TEXT = {
  zh: '金额须以字符串给出，以元为单位，至多两位小数，如 "5000000.00"',
  en: 'An amount is given as a string of yuan with at most two decimals, e.g. "5000000.00"',
};

function fenOf(text: string): Fen {
  const problem = moneyTextProblem(text);
  if (problem) throw refuse(problem);
  return parseYuan(text);
}

/**
 * 金额 — money in GraphQL: a decimal string of yuan with at most two decimals ("5000000.00"),
 * at most 10^12 yuan; resolvers and deciders see whole fen (分). Whether an amount may be zero or
 * negative is the rule's to say, with the field at fault.
 */
export const MoneyScalar = new GraphQLScalarType<Fen, string>({
  name: 'Money',
  description:
    '金额（元），十进制字符串，至多两位小数，不超过 1 万亿元，如 "5000000.00" ' +
    '(an amount of yuan as a decimal string with at most two decimals, at most 10^12, e.g. "5000000.00")',
  serialize(value) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || Math.abs(value) > MAX_FEN) {
      throw new GraphQLError(`not an amount in fen: ${String(value)}`);
    }
    return formatYuan(value);
  },
  parseValue(value) {
    if (typeof value !== 'string') throw refuse(NOT_TEXT);
    return fenOf(value);
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw refuse(NOT_TEXT);
    return fenOf(ast.value);
  },
});
