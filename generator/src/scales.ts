/** How big a city-year to generate. */
export interface Scale {
  name: string;
  /** First-level units (bureaus); the rest of `units` are second-level units under them. */
  bureaus: number;
  units: number;
  /** One performance goal per project. */
  goals: number;
  fiscalYear: number;
  divisionCode: string;
}

/** `tianmen` is the 2023 year of DOMAIN.md: about 200 units, 34,261 goals, 130,000+ indicators. */
export const SCALES = {
  demo: { name: 'demo', bureaus: 3, units: 8, goals: 30, fiscalYear: 2023, divisionCode: '429006' },
  small: { name: 'small', bureaus: 12, units: 48, goals: 2_000, fiscalYear: 2023, divisionCode: '429006' },
  tianmen: { name: 'tianmen', bureaus: 38, units: 200, goals: 34_261, fiscalYear: 2023, divisionCode: '429006' },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

/** The scale of that name; a clear error lists the known ones. */
export function scaleNamed(name: string): Scale {
  const scale = (SCALES as Record<string, Scale>)[name];
  if (!scale) {
    throw new Error(`未知的数据规模 ${name} (unknown scale); use one of: ${Object.keys(SCALES).join(', ')}`);
  }
  return scale;
}
