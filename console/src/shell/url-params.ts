import { useSearchParams } from 'react-router-dom';

/**
 * A page's filters and page number kept in its URL (so a link or a reload shows the same rows):
 * the current parameters, and a setter that changes some of them — an empty value removes one.
 */
export function useUrlParams(): [URLSearchParams, (changes: Record<string, string | undefined>) => void] {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return [params, set];
}
