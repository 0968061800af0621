import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { bodySizeLimit } from './body-size';
import { nestingLimit } from './nesting';
import { limitRefusal, refuseWith } from './refusal';

/** Options of {@link JixiaoPluginLimits}; every limit has a default that fits the current schema. */
export interface LimitsOptions {
  /** Deepest field nesting, e.g. `goal { history { actor { role } } }` is 4. Default 8. */
  maxDepth?: number;
  /** Aliases per operation, an aliased `__typename` included. Default 15. */
  maxAliases?: number;
  /** GraphQL Armor cost (objects 2, scalars 1, × 1.5 per level). Default 5000. */
  maxCost?: number;
  /** Lexical tokens per document. Default 2000. */
  maxTokens?: number;
  /** Nesting of `{`, `[` and `(` in a document, e.g. `first: [[1]]` inside `{ a(…) }` is 4. Default 32. */
  maxNesting?: number;
  /** Request body bytes. Default 262144 (256 KiB). */
  maxBodyBytes?: number;
  /** Drop "Did you mean …?" hints from validation errors (production). Default false. */
  blockFieldSuggestions?: boolean;
}

export const LIMIT_DEFAULTS: Required<LimitsOptions> = {
  maxDepth: 8,
  maxAliases: 15,
  maxCost: 5000,
  maxTokens: 2000,
  maxNesting: 32,
  maxBodyBytes: 256 * 1024,
  blockFieldSuggestions: false,
};

/**
 * GraphQL Armor's depth, alias, cost and token limits plus a request body limit and a nesting limit
 * (checked before graphql-js parses, whose recursion it bounds), as gateway plugins.
 */
export function JixiaoPluginLimits(options: LimitsOptions = {}): GatewayPlugin[] {
  const o = { ...LIMIT_DEFAULTS, ...options };
  const plugins = [
    bodySizeLimit(o.maxBodyBytes),
    maxTokensPlugin({
      n: o.maxTokens,
      ...refuseWith(() =>
        limitRefusal(
          'maxTokens',
          `查询语句过长：最多 ${o.maxTokens} 个词法单元，请拆分查询`,
          `The query is too long: at most ${o.maxTokens} tokens; split it`,
        ),
      ),
    }),
    // after the token limit, so it wraps the parser that one installs
    nestingLimit(o.maxNesting),
    maxDepthPlugin({
      n: o.maxDepth,
      ignoreIntrospection: true,
      ...refuseWith(() =>
        limitRefusal(
          'maxDepth',
          `查询嵌套过深：字段最多嵌套 ${o.maxDepth} 层，请拆分查询`,
          `The query is nested too deeply: fields nest at most ${o.maxDepth} levels; split it`,
        ),
      ),
    }),
    // an empty allow list: Armor's default lets any number of aliased `__typename` through
    maxAliasesPlugin({
      n: o.maxAliases,
      allowList: [],
      ...refuseWith(() =>
        limitRefusal(
          'maxAliases',
          `查询使用的别名过多：最多 ${o.maxAliases} 个，请拆分查询`,
          `The query uses too many aliases: at most ${o.maxAliases}; split it`,
        ),
      ),
    }),
    costLimitPlugin({
      maxCost: o.maxCost,
      ignoreIntrospection: true,
      ...refuseWith(() =>
        limitRefusal(
          'maxCost',
          `查询过于复杂：计算成本上限为 ${o.maxCost}，请减少字段或分页查询`,
          `The query is too costly: the limit is ${o.maxCost}; ask for fewer fields or page through`,
        ),
      ),
    }),
    ...(o.blockFieldSuggestions ? [blockFieldSuggestionsPlugin()] : []),
  ];
  return plugins as GatewayPlugin[];
}
