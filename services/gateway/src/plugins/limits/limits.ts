import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { bodySizeLimit } from './body-size';
import { nestingLimit } from './nesting';

/** Options of {@link JixiaoPluginLimits}; every limit has a default that fits the current schema. */
export interface LimitsOptions {
  /** Deepest field nesting, e.g. `goal { history { actor { role } } }` is 4. Default 8. */
  maxDepth?: number;
  /** Aliases per operation. Default 15. */
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
    maxTokensPlugin({ n: o.maxTokens }),
    // after the token limit, so it wraps the parser that one installs
    nestingLimit(o.maxNesting),
    maxDepthPlugin({ n: o.maxDepth, ignoreIntrospection: true }),
    maxAliasesPlugin({ n: o.maxAliases }),
    costLimitPlugin({ maxCost: o.maxCost, ignoreIntrospection: true }),
    ...(o.blockFieldSuggestions ? [blockFieldSuggestionsPlugin()] : []),
  ];
  return plugins as GatewayPlugin[];
}
