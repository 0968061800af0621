import { useQueryClient } from '@tanstack/react-query';
import { createClient, type Client } from 'graphql-ws';
import { useEffect, useSyncExternalStore } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { GRAPHQL_PATH } from './api';
import { currentSession, onSessionChange, onSessionRenewed, sessionRenewals } from './session';

let client: Client | null = null;

/** One graphql-ws connection per session, carrying the token (browsers cannot set headers on a WebSocket). */
function liveClient(): Client {
  if (client) return client;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`;
  client = createClient({
    url,
    lazy: true,
    retryAttempts: 5,
    connectionParams: () => {
      const session = currentSession();
      return session ? { authorization: `Bearer ${session.token}` } : {};
    },
  });
  return client;
}

const reconnect = () => {
  void client?.dispose();
  client = null;
};
// a new or ended session: the next subscription opens a connection with the new token
onSessionChange(reconnect);
// a renewed token too: the gateway ends a subscription when the token it was opened with expires
onSessionRenewed(reconnect);

/**
 * Listens to a subscription while the component is on screen; each event calls `onEvent` (default:
 * refresh every query on screen), so a change another person makes shows without reloading.
 */
export function useLive<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  enabled = true,
  onEvent?: (data: TResult) => void,
) {
  const queries = useQueryClient();
  const key = JSON.stringify(variables);
  // subscribe again on the new connection after each renewal
  const renewal = useSyncExternalStore(onSessionRenewed, sessionRenewals);
  useEffect(() => {
    if (!enabled || !currentSession()) return;
    return liveClient().subscribe<TResult>(
      { query: document.toString(), variables: JSON.parse(key) as Record<string, unknown> },
      {
        next: ({ data }) => {
          if (data) onEvent?.(data);
          void queries.invalidateQueries();
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    // onEvent is read at each event; the subscription follows the document and variables
  }, [document, key, enabled, queries, renewal]);
}
