import { isSensitiveResource } from '@jixiao/events';
import { getNamedType, isInputObjectType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** The pagination argument of list fields (`page: PageInput`), whose `first` sets how many rows are read. */
const PAGE_ARGUMENT = 'page';

/**
 * How many event histories an operation reads from the event store: each `Goal.history` (any audited entity's),
 * `streamHistory` or `verifyStream` counts one, times the page size of every paginated list above
 * it (`goals(page: { first: 200 }) { nodes { history } }` reads 200). Read models cost nothing here:
 * GraphQL Armor's cost limit bounds their shape.
 */
export function historyReads(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName,
    estimators: [historyReadEstimator(defaultPageSize(schema))],
  });
}

function historyReadEstimator(pageSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (isSensitiveResource(`${type.name}.${field.name}`)) return 1 + childComplexity;
    if (!field.args.some((arg) => arg.name === PAGE_ARGUMENT)) return childComplexity;
    const first = (args[PAGE_ARGUMENT] as { first?: number } | undefined)?.first;
    return childComplexity * (first ?? pageSize);
  };
}

/** The `first` a list serves when no page is asked for: the page input's own default. */
function defaultPageSize(schema: GraphQLSchema): number {
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const page = field.args.find((arg) => arg.name === PAGE_ARGUMENT);
    const input = page && getNamedType(page.type);
    const first = isInputObjectType(input) ? input.getFields()['first']?.defaultValue : undefined;
    if (typeof first === 'number') return first;
  }
  return 1;
}
