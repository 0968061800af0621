import 'reflect-metadata';
import { catalog, CONTEXTS } from '@jixiao/contexts';
import { loadConfig } from './config/config';
import { DEAD_LETTERS_USAGE, parseDeadLettersArgs, runDeadLetters } from './dead-letters';
import { openStore } from './platform/platform';
import { openReadModels } from './read-models/orm';

/** `npm run dead-letters -- list | replay <id> | replay --all` (exit 1 when a replay still fails). */
async function main(): Promise<number> {
  const command = parseDeadLettersArgs(process.argv.slice(2));
  const { storage } = loadConfig({ ...process.env, JIXIAO_SEED: 'none' });
  const store = await openStore(storage, catalog);
  // 'refuse': never empties read-model tables under a running platform
  const orm = await openReadModels(
    storage.kind === 'sqlite'
      ? storage
      : { kind: 'postgres', connectionString: storage.connectionString, schema: storage.schema },
    'refuse',
  );
  try {
    const { text, ok } = await runDeadLetters(command, { store, orm, catalog, contexts: CONTEXTS });
    console.log(text);
    return ok ? 0 : 1;
  } finally {
    await orm.close();
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(
      error.message.includes(DEAD_LETTERS_USAGE) ? error.message : `${error.message}\n${DEAD_LETTERS_USAGE}`,
    );
    process.exit(1);
  },
);
