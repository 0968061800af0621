import { Field, InputType, Int } from 'type-graphql';

/** 分页参数 — offset pagination for list queries. */
@InputType({ description: '分页参数 (Pagination): 每页条数与偏移量' })
export class PageInput {
  @Field(() => Int, { defaultValue: 20, description: '每页条数，最多 200 (page size, at most 200)' })
  first: number = 20;

  @Field(() => Int, { defaultValue: 0, description: '跳过的条数 (rows to skip)' })
  offset: number = 0;
}

/** Clamps a page request to sane bounds. */
export function pageOf(page?: PageInput): { limit: number; offset: number } {
  return { limit: Math.min(Math.max(page?.first ?? 20, 1), 200), offset: Math.max(page?.offset ?? 0, 0) };
}

/** A `$like` pattern that finds `text` anywhere; the user's own wildcards are dropped, not interpreted. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, '')}%`;
}
