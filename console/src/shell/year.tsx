import { Select } from 'antd';
import { createContext, useContext, useState, type ReactNode } from 'react';

/** The budget year the pages show (预算年度); chosen in the header, kept across visits. */
const YearContext = createContext<{ year: number; setYear: (year: number) => void }>({
  year: 2023,
  setYear: () => undefined,
});

const KEY = 'jixiao.fiscalYear';
/** The demo and generated city-years are 2023 (Tianmen's published figures); a bureau picks its own year. */
const DEFAULT_YEAR = 2023;

export function YearProvider({ children }: { children: ReactNode }) {
  const [year, setYearState] = useState(() => Number(localStorage.getItem(KEY)) || DEFAULT_YEAR);
  const setYear = (next: number) => {
    localStorage.setItem(KEY, String(next));
    setYearState(next);
  };
  return <YearContext.Provider value={{ year, setYear }}>{children}</YearContext.Provider>;
}

export const useFiscalYear = (): number => useContext(YearContext).year;

/** The header's year picker: this year, the five before it and the next. */
export function YearPicker() {
  const { year, setYear } = useContext(YearContext);
  const now = new Date().getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => now + 1 - i);
  if (!years.includes(year)) years.push(year);
  return (
    <Select
      aria-label="预算年度"
      value={year}
      onChange={setYear}
      style={{ width: 120 }}
      options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: `${y} 年度` }))}
    />
  );
}
