import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** The provider's discovery document could not be read or does not describe the configured issuer. */
export class DiscoveryError extends Error {
  readonly code = 'ERR_OIDC_DISCOVERY';
}

/** Where a provider publishes its discovery document (OpenID Connect Discovery 1.0, section 4). */
export const discoveryUrl = (issuer: string) => `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000), headers: { accept: 'application/json' } });
  if (!response.ok) throw new DiscoveryError(`${url} answered HTTP ${response.status}`);
  return response.json();
}

export interface DiscoveryOptions {
  /** Reads a JSON document; `fetch` with a 5 s timeout by default. */
  load?: (url: string) => Promise<unknown>;
  /** The key set at a `jwks_uri`; jose's remote JWKS (fetched, cached, refreshed on an unknown `kid`) by default. */
  keySetAt?: (jwksUri: string) => JWTVerifyGetKey;
  /** Told why a discovery failed, once per attempt; console.error by default. */
  onError?: (error: Error) => void;
}

/**
 * The signing keys of an OpenID Connect provider known only by its issuer URL: the first token
 * checked reads `<issuer>/.well-known/openid-configuration`, which must name the same `issuer`
 * and a `jwks_uri`; the keys come from there. Concurrent first checks share one discovery; a
 * failed one is tried again by the next token.
 */
export function discoveredKeySet(issuer: string, options: DiscoveryOptions = {}): JWTVerifyGetKey {
  const load = options.load ?? fetchJson;
  const keySetAt = options.keySetAt ?? ((uri: string) => createRemoteJWKSet(new URL(uri)));
  const onError = options.onError ?? ((error: Error) => console.error(`OpenID Connect discovery: ${error.message}`));
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const discover = async (): Promise<JWTVerifyGetKey> => {
    const url = discoveryUrl(issuer);
    const document = (await load(url).catch((error: Error) => {
      throw error instanceof DiscoveryError ? error : new DiscoveryError(`${url}: ${error.message}`);
    })) as { issuer?: unknown; jwks_uri?: unknown } | null;
    if (document?.issuer !== issuer)
      throw new DiscoveryError(`${url} names the issuer ${String(document?.issuer)}, not ${issuer}`);
    if (typeof document.jwks_uri !== 'string' || !/^https?:\/\//.test(document.jwks_uri))
      throw new DiscoveryError(`${url} has no http(s) jwks_uri`);
    return keySetAt(document.jwks_uri);
  };
  return async (header, token) => {
    keySet ??= discover().catch((error: Error) => {
      keySet = undefined;
      onError(error);
      throw error;
    });
    return (await keySet)(header, token);
  };
}
