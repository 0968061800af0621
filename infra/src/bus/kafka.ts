import { Kafka, logLevel, type Admin } from 'kafkajs';

export interface KafkaConnection {
  /** e.g. `['127.0.0.1:9092']` */
  brokers: string[];
  clientId?: string;
  /** kafkajs log level; WARN by default. */
  logLevel?: logLevel;
}

/** A kafkajs client with short retries, so a broker outage surfaces to our own retry loops. */
export function createKafka(c: KafkaConnection): Kafka {
  return new Kafka({
    clientId: c.clientId ?? 'jixiao',
    brokers: c.brokers,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { retries: 5, initialRetryTime: 200, maxRetryTime: 3000 },
    logLevel: c.logLevel ?? logLevel.WARN,
  });
}

/** Creates the topics that do not exist yet (auto-creation may be off in production). */
export async function ensureTopics(admin: Admin, topics: readonly string[], partitions: number): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length === 0) return;
  await admin.createTopics({
    // the replication factor is the broker's default.replication.factor
    topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
    waitForLeaders: true,
  });
}
