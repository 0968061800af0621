import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository's root (the same from `src` under jest and from `dist`). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** A link in a Markdown file that leads nowhere: its target and why. */
export interface BrokenLink {
  file: string;
  target: string;
  problem: string;
}

/** Text outside fenced code blocks and inline code, where links and headings live. */
const outsideCode = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');

/**
 * GitHub's anchor for a heading: lower case, punctuation dropped (letters of any script, digits,
 * `_` and `-` kept), each space a `-`; a repeated heading gets `-1`, `-2` ….
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutFences = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const [, text] of withoutFences.matchAll(/^#{1,6}[ \t]+(.+?)[ \t]*#*$/gm)) {
    const plain = text!
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/[*`]/g, '');
    const slug = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Relative links (`[text](path#anchor)`) of a Markdown file whose file or heading does not exist. */
export function brokenLinks(file: string): BrokenLink[] {
  const markdown = readFileSync(file, 'utf8');
  const broken: BrokenLink[] = [];
  for (const [, target] of outsideCode(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target!)) continue; // http:, https:, mailto:
    const [pathPart = '', anchor] = target!.split('#');
    const resolved = pathPart ? path.resolve(path.dirname(file), decodeURI(pathPart)) : file;
    if (!existsSync(resolved)) {
      broken.push({ file, target: target!, problem: 'no such file' });
      continue;
    }
    if (anchor === undefined) continue;
    if (statSync(resolved).isDirectory() || !resolved.endsWith('.md')) {
      broken.push({ file, target: target!, problem: 'an anchor into something that is not a Markdown file' });
      continue;
    }
    if (!headingAnchors(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor))) {
      broken.push({ file, target: target!, problem: `no heading #${anchor}` });
    }
  }
  return broken;
}
