import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

/**
 * The heap in use after full garbage collections: what is still held, e.g. by a loop that leaks.
 * For tests and measurements: without `node --expose-gc` it turns V8's `gc()` on for the process.
 *
 * @example const before = heapAfterGc(); run(); expect(heapAfterGc() - before).toBeLessThan(1 << 20);
 */
export function heapAfterGc(): number {
  collect ??=
    (globalThis as { gc?: () => void }).gc ?? (setFlagsFromString('--expose-gc'), runInNewContext('gc') as () => void);
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}
