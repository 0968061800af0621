// Writes src/gql/enum-labels.json: each enum value's Chinese name, from the committed supergraph's
// descriptions ("产出指标 (output)" → "产出指标"), so the console labels states the way the platform does.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { buildSchema, isEnumType } from 'graphql';

const schema = buildSchema(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'), {
  assumeValidSDL: true,
});
const labels = {};
for (const type of Object.values(schema.getTypeMap())) {
  if (!isEnumType(type) || type.name.startsWith('__') || /^(join|link)__/.test(type.name)) continue;
  labels[type.name] = Object.fromEntries(
    type.getValues().map((value) => [value.name, (value.description ?? value.name).replace(/\s*\([^)]*\)\s*$/, '')]),
  );
}
mkdirSync(new URL('../src/gql/', import.meta.url), { recursive: true });
writeFileSync(new URL('../src/gql/enum-labels.json', import.meta.url), `${JSON.stringify(labels, null, 2)}\n`);
