import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { App } from 'antd';
import type { TypedDocumentString } from '../gql/graphql';
import { gql, GqlError } from './api';

/** The query key of a document and its variables: the operation name first, so pages can invalidate by name. */
export const keyOf = (document: TypedDocumentString<unknown, unknown>, variables?: unknown) => [
  operationName(document),
  variables ?? {},
];

export const operationName = (document: TypedDocumentString<unknown, unknown>): string =>
  /(?:query|mutation|subscription)\s+(\w+)/.exec(document.toString())?.[1] ?? document.toString();

/** Reads a document; errors arrive as GqlError (the page shows them with <QueryError>). */
export function useGql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: Omit<UseQueryOptions<TResult, GqlError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<TResult, GqlError>({
    queryKey: keyOf(document as TypedDocumentString<unknown, unknown>, variables),
    queryFn: () => (gql as (d: unknown, v: unknown) => Promise<TResult>)(document, variables),
    ...options,
  });
}

/**
 * Runs a command; on success shows `done` and refreshes every query on screen (the platform answers
 * with read-your-writes, so what is read next includes the change); a refusal is shown in the
 * person's terms and changes nothing.
 */
export function useCommand<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  done: string,
  onDone?: (result: TResult) => void,
) {
  const client = useQueryClient();
  const { message } = App.useApp();
  return useMutation<TResult, GqlError, TVariables>({
    mutationFn: (variables) => (gql as (d: unknown, v: unknown) => Promise<TResult>)(document, variables),
    onSuccess: async (result) => {
      message.success(done);
      await client.invalidateQueries();
      onDone?.(result);
    },
    // not returned: antd's message is a thenable that settles when it closes, and a returned one would
    // hold mutateAsync's rejection (and a form's field errors) back until the message is gone
    onError: (error) => {
      void message.error(error.message, 6);
    },
  });
}
