import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The embedded mode's token signing key: Ed25519, kept beside the SQLite file. */
export interface DevKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** `<data dir>/dev-signing-key.jwk.json`: where embedded mode keeps its dev key. */
export const devKeyFile = (dataDir: string): string => path.resolve(dataDir, 'dev-signing-key.jwk.json');

function read(file: string): DevKey {
  const privateKey = createPrivateKey({ key: JSON.parse(readFileSync(file, 'utf8')), format: 'jwk' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/**
 * Reads the dev key, creating it on first use. `npm start` and `npm run token` may race to create
 * it: the file appears atomically (hard link of a finished temp file), and the loser reads the winner's.
 */
export function loadOrCreateDevKey(file: string): DevKey {
  try {
    return read(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const temp = `${file}.${randomUUID()}.tmp`;
  writeFileSync(temp, JSON.stringify(privateKey.export({ format: 'jwk' })), { mode: 0o600 });
  try {
    linkSync(temp, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
  return read(file);
}
