import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brokenLinks, headingAnchors, REPO_ROOT } from './markdown-links';

/** Every Markdown file under `dir`, skipping dependencies and build output. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return ['node_modules', 'dist', '.git', 'data'].includes(entry.name) ? [] : markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

const documents = [
  path.join(REPO_ROOT, 'README.md'),
  ...markdownFiles(path.join(REPO_ROOT, 'docs')),
  ...['events', 'projections', 'contexts', 'infra', 'generator', 'services', 'tests', 'bench', 'schema'].flatMap(
    (dir) => markdownFiles(path.join(REPO_ROOT, dir)),
  ),
];

describe('links in the README, docs/ and the packages’ READMEs', () => {
  it.each(documents.map((file) => [path.relative(REPO_ROOT, file), file] as const))(
    '%s links only to files and headings that exist',
    (_name, file) => {
      expect(brokenLinks(file)).toEqual([]);
    },
  );
});

describe('the README', () => {
  it('stays a newcomer’s guide: under 12,000 characters (reference goes to docs/)', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect([...readme].length).toBeLessThan(12_000);
  });
});

describe('brokenLinks', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jixiao-links-'));
    writeFileSync(path.join(dir, 'other.md'), '# Other page\n\n## Distributed mode (分布式)\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const check = (markdown: string) => {
    const file = path.join(dir, 'page.md');
    writeFileSync(file, markdown);
    return brokenLinks(file).map((link) => `${link.target}: ${link.problem}`);
  };

  it('accepts files and headings that exist, and leaves web links and code alone', () => {
    expect(
      check(
        '# Top\n[a](other.md) [b](other.md#distributed-mode-分布式) [c](#top) [d](https://x.invalid/y)\n`[e](gone.md)`\n```\n[f](gone.md)\n```\n',
      ),
    ).toEqual([]);
  });

  it('names a missing file and a missing heading', () => {
    expect(check('[a](gone.md) [b](other.md#kafka) [c](#nowhere)\n')).toEqual([
      'gone.md: no such file',
      'other.md#kafka: no heading #kafka',
      '#nowhere: no heading #nowhere',
    ]);
  });
});

describe('headingAnchors', () => {
  it('makes GitHub’s anchors: lower case, punctuation dropped, spaces as dashes, repeats numbered', () => {
    const anchors = headingAnchors(
      '# A `code` (x) — y\n## Fault tests (`npm run test:faults`)\n## Same\n## Same\n```\n# not a heading\n```\n',
    );
    expect([...anchors]).toEqual(['a-code-x--y', 'fault-tests-npm-run-testfaults', 'same', 'same-1']);
  });
});
