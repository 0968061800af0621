import { createHash } from 'node:crypto';
import { ceil, div, mul, ratio } from './decimal.scoring';

const drawKey = (seed: string, unitId: string): string =>
  createHash('sha256').update(`${seed}:${unitId}`).digest('hex');

/**
 * 财政抽查: the units whose self-evaluations the bureau spot-checks, drawn reproducibly. The units are ordered by
 * sha256(seed + ':' + unitId) and the first ceil(n × percent / 100) are taken —
 * at least one when percent > 0 and there are units; in draw order. The same seed and units give the same sample;
 * record the seed with the sample so anyone can redraw it. A unit listed twice counts once; percent is held to
 * 0 … 100 (not a number: no sample).
 * @example drawSpotCheck(['u1', 'u2', ..., 'u20'], 10, 'spotcheck-2024') // two units
 */
export function drawSpotCheck(unitIds: readonly string[], percent: number, seed: string): string[] {
  const units = [...new Set(unitIds)];
  const share = Number.isFinite(percent) ? Math.min(Math.max(percent, 0), 100) : 0;
  const count = Number(ceil(div(mul(ratio(units.length), ratio(share)), ratio(100))));
  return (
    units
      .map((id) => ({ id, key: drawKey(seed, id) }))
      // distinct ids give distinct sha256 keys (a collision is not a practical concern), so the order is total
      .sort((a, b) => (a.key < b.key ? -1 : 1))
      .slice(0, count)
      .map((u) => u.id)
  );
}
