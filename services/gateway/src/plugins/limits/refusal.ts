import { GraphQLError, type ValidationContext } from 'graphql';
import type { LimitsOptions } from './limits';

/**
 * A refused document as a finance official reads it: which limit, in Chinese and English, with
 * `GRAPHQL_VALIDATION_FAILED` and `extensions.limit` naming the option — never GraphQL Armor's
 * "Syntax Error: …", which reads as if the query were misspelt.
 */
export function limitRefusal(limit: keyof LimitsOptions, zh: string, en: string): GraphQLError {
  return new GraphQLError(`${zh} (${en})`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, messageZh: zh, messageEn: en },
  });
}

/**
 * Options for an Armor plugin that answer with `refusal()` in place of Armor's own error: reported
 * to the validation context by a validation rule, thrown by the token limit (which has none).
 */
export const refuseWith = (refusal: () => GraphQLError) => ({
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null) => {
      if (!context) throw refusal();
      context.reportError(refusal());
    },
  ],
});
