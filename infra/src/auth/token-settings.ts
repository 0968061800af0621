import { createPublicKey, randomBytes } from 'node:crypto';
import type { AssertionSecret, TokenSettings } from '@jixiao/service-kit';
import type { AuthConfig } from '../config/config';
import { loadOrCreateDevKey } from './dev-key';

/** Turns the configured key source into what the gateway's token verifier needs. */
export function tokenSettings(auth: AuthConfig): TokenSettings {
  const { issuer, audience, key } = auth;
  switch (key.kind) {
    case 'jwks':
      return { issuer, audience, key: { kind: 'jwks', url: key.url } };
    case 'discovery':
      return { issuer, audience, key: { kind: 'discovery', issuer: key.issuer } };
    case 'pem':
      return { issuer, audience, key: { kind: 'key', key: createPublicKey(key.pem), algorithms: [key.algorithm] } };
    case 'dev':
      return {
        issuer,
        audience,
        key: { kind: 'key', key: loadOrCreateDevKey(key.file).publicKey, algorithms: ['EdDSA'] },
      };
    default: {
      const _exhaustive: never = key;
      throw new Error(`unknown key source ${String(_exhaustive)}`);
    }
  }
}

/** The configured gateway ↔ subgraph secret, or a random one: in one process nobody else needs it. */
export const assertionSecret = (auth: AuthConfig): AssertionSecret =>
  auth.internalSecret ? new TextEncoder().encode(auth.internalSecret) : new Uint8Array(randomBytes(32));
