import { z } from 'zod';
import { invalid, type Bilingual, type FieldIssue } from '../errors';
import type { NewEvent, RecordedEvent } from '../envelope';
import { fenOfStoredYuan } from '../money';

/** One event type in the catalog: its current schema and how older versions reach it. */
export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  type: TType;
  /** Bounded context that owns it, e.g. `planning`. */
  context: string;
  description: string;
  schemaVersion: number;
  schema: TSchema;
  /** `upcasters[v]` turns data of schema version v into version v + 1. Pure. */
  upcasters?: Record<number, (data: unknown) => unknown>;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  def: EventDefinition<TType, TSchema>,
): EventDefinition<TType, TSchema> {
  return def;
}

/**
 * An upcaster for the step to exact money: each named field held yuan as a float and becomes
 * whole fen under its new name, e.g. `yuanFieldsToFen({ amount: 'amountFen' })`.
 */
export function yuanFieldsToFen(renames: Record<string, string>): (data: unknown) => unknown {
  return (data) => {
    const next: Record<string, unknown> = { ...(data as Record<string, unknown>) };
    for (const [from, to] of Object.entries(renames)) {
      const yuan = next[from];
      delete next[from];
      next[to] = typeof yuan === 'number' ? fenOfStoredYuan(yuan) : yuan;
    }
    return next;
  };
}

/** The event a definition describes, typed: `EventOf<typeof GoalSubmitted>`. */
export type EventOf<D> = D extends EventDefinition<infer T, infer S> ? NewEvent<T, z.infer<S>> : never;
export type DataOf<D> = D extends EventDefinition<string, infer S> ? z.infer<S> : never;

/** Every known event type; appends of unknown types or mismatching data are refused. */
export class EventCatalog {
  private readonly byType = new Map<string, EventDefinition>();

  constructor(definitions: readonly EventDefinition[]) {
    for (const def of definitions) {
      if (this.byType.has(def.type)) throw new Error(`event type ${def.type} is defined twice`);
      this.byType.set(def.type, def);
    }
  }

  get definitions(): EventDefinition[] {
    return [...this.byType.values()];
  }

  definition(type: string): EventDefinition | undefined {
    return this.byType.get(type);
  }

  /** Checks data against the current schema; throws ValidationError naming each wrong field. */
  validate(event: NewEvent): { type: string; schemaVersion: number; data: unknown } {
    const def = this.byType.get(event.type);
    if (!def) {
      throw invalid([{ path: 'type', zh: `未登记的事件类型 ${event.type}`, en: `unknown event type ${event.type}` }]);
    }
    const parsed = def.schema.safeParse(event.data);
    if (!parsed.success) throw invalid(parsed.error.issues.map((i) => toFieldIssue(event.type, i)));
    return { type: def.type, schemaVersion: def.schemaVersion, data: parsed.data };
  }

  /** Brings a stored event's data up to the current schema version; the stored event is never rewritten. */
  upcast<E extends RecordedEvent>(event: E): E {
    const def = this.byType.get(event.type);
    if (!def || event.schemaVersion >= def.schemaVersion) return event;
    let data = event.data;
    for (let v = event.schemaVersion; v < def.schemaVersion; v++) {
      const step = def.upcasters?.[v];
      if (!step) throw new Error(`no upcaster for ${event.type} v${v} → v${v + 1}`);
      data = step(data);
    }
    return { ...event, data, schemaVersion: def.schemaVersion };
  }
}

function toFieldIssue(type: string, issue: z.core.$ZodIssue): FieldIssue {
  const path = issue.path.map(String).join('.') || '(root)';
  return { path, zh: `不符合 ${type} 的数据格式（${issue.code}）`, en: issue.message };
}

/**
 * What users read for each value of a value list, in Chinese and English: kept beside the list
 * (`GOAL_TERM_LABELS` beside `GOAL_TERMS`); GraphQL enums and exports take their labels from it.
 */
export type ValueLabels<V extends string> = { readonly [K in V]: Bilingual };
