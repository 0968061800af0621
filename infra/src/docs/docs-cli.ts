import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { POLICY_DOCS_DIR, policyDocs, REPO_ROOT } from './policy-docs';

/** Writes the generated docs (docs/policy/) from the manifests and removes pages of contexts that are gone. */
export function writeDocs(): string[] {
  const docs = policyDocs();
  mkdirSync(POLICY_DOCS_DIR, { recursive: true });
  const wanted = new Set(docs.map((doc) => path.join(REPO_ROOT, doc.path)));
  for (const file of readdirSync(POLICY_DOCS_DIR)) {
    const full = path.join(POLICY_DOCS_DIR, file);
    if (file.endsWith('.md') && !wanted.has(full)) rmSync(full);
  }
  for (const doc of docs) {
    mkdirSync(path.dirname(path.join(REPO_ROOT, doc.path)), { recursive: true });
    writeFileSync(path.join(REPO_ROOT, doc.path), doc.text);
  }
  return docs.map((doc) => doc.path);
}

// Run: `npm run docs`.
if (require.main === module) console.log(`written: ${writeDocs().join(', ')}`);
