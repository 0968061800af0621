import { createKafka } from '../bus/kafka';

/** The broker the tests use (start it with `npm run kafka:start`); override with JIXIAO_TEST_KAFKA_BROKERS. */
export const TEST_KAFKA_BROKERS = (process.env.JIXIAO_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

/** True once the group's committed offsets reach the end of every partition of the topics. */
export async function groupCaughtUp(groupId: string, topics: string[]): Promise<boolean> {
  const admin = createKafka({ brokers: TEST_KAFKA_BROKERS, logLevel: 0 }).admin();
  await admin.connect();
  try {
    const committed = await admin.fetchOffsets({ groupId, topics });
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const mine = committed.find((c) => c.topic === topic)?.partitions ?? [];
      for (const end of ends) {
        const at = Number(mine.find((p) => p.partition === end.partition)?.offset ?? -1);
        if (Number(end.high) > 0 && at < Number(end.high)) return false;
      }
    }
    return true;
  } finally {
    await admin.disconnect();
  }
}

/** Polls `check` every 250 ms until it is true; throws naming `what` after `timeoutMs`. */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 120000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Rows left in a schema's outbox. */
export async function outboxSize(query: (sql: string) => Promise<{ rows: { n: string }[] }>, schema: string) {
  return Number((await query(`SELECT COUNT(*) AS n FROM "${schema}".event_outbox`)).rows[0]!.n);
}
