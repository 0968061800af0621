import labels from '../gql/enum-labels.json';

const table = labels as Record<string, Record<string, string>>;

/** The Chinese name of an enum value, as the platform's schema describes it (指标、状态 …). */
export const label = (enumName: string, value: string | null | undefined): string =>
  value ? (table[enumName]?.[value] ?? value) : '—';

/** Select options for an enum: every value with its Chinese name. */
export const optionsOf = (enumName: string) =>
  Object.entries(table[enumName] ?? {}).map(([value, text]) => ({ value, label: text }));
