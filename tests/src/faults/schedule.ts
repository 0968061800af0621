/** A seeded random source (mulberry32), so a failing schedule can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Keyed = { streamId: string; streamVersion: number };

/**
 * What a consumer may see from Kafka after crashes and republishes: each event 1..maxCopies
 * times; within one key (stream) the order is a partition's — it only ever rewinds to an
 * earlier offset and reads forward again, never skips ahead; across keys, any interleaving.
 */
export function redeliverySchedule<T extends Keyed>(events: readonly T[], random: () => number, maxCopies = 5): T[] {
  const byStream = new Map<string, T[]>();
  for (const e of events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
  const perStream = [...byStream.values()].map((list) => {
    const sorted = [...list].sort((a, b) => a.streamVersion - b.streamVersion);
    const copies = sorted.map(() => 0);
    const out: T[] = [];
    let i = 0;
    while (i < sorted.length) {
      out.push(sorted[i]!);
      copies[i]!++;
      const back = Math.floor(random() * (i + 1));
      const canRewind = copies.slice(back, i + 1).every((c) => c < maxCopies);
      i = random() < 0.35 && canRewind ? back : i + 1;
    }
    return out;
  });
  const merged: T[] = [];
  const next = perStream.map(() => 0);
  let left = perStream.reduce((n, s) => n + s.length, 0);
  while (left > 0) {
    const open = perStream.map((s, k) => k).filter((k) => next[k]! < perStream[k]!.length);
    const k = open[Math.floor(random() * open.length)]!;
    merged.push(perStream[k]![next[k]!++]!);
    left--;
  }
  return merged;
}
