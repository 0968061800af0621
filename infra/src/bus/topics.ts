import { STREAM_CATEGORIES } from '@jixiao/contexts';
import { streamCategory, type RecordedEvent } from '@jixiao/events';

/**
 * The stream categories published in distributed mode, one topic each: every context's
 * `streamCategories` (contexts/src/index.ts). The workers read these topics only; a test seeds the
 * demo year and checks that every stream it writes is listed.
 */
export { STREAM_CATEGORIES };

/** The topic of a stream category: `topicFor('jixiao', 'goal')` → `jixiao.goal`. */
export function topicFor(prefix: string, category: string): string {
  return `${prefix}.${category}`;
}

/** The topic an event is published to: one per stream category, e.g. `goal-42` → `jixiao.goal`. */
export function topicOfEvent(prefix: string, event: Pick<RecordedEvent, 'streamId'>): string {
  return topicFor(prefix, streamCategory(event.streamId));
}

/** A Kafka message for an event: keyed by stream id, so one stream stays in one partition, in order. */
export function toMessage(event: RecordedEvent): { key: string; value: string; headers: Record<string, string> } {
  return {
    key: event.streamId,
    value: JSON.stringify(event),
    headers: { 'event-type': event.type, 'event-id': event.eventId },
  };
}

/** Reads an event back from a message value; refuses anything that is not a recorded event. */
export function fromMessage(value: Buffer | string | null): RecordedEvent {
  if (value === null) throw new Error('kafka message without a value');
  const event = JSON.parse(value.toString()) as RecordedEvent;
  if (typeof event.streamId !== 'string' || !Number.isInteger(event.streamVersion) || typeof event.type !== 'string') {
    throw new Error(`kafka message is not a recorded event: ${value.toString().slice(0, 120)}`);
  }
  return event;
}

/** Groups messages by topic, keeping their order, as `producer.sendBatch` wants them. */
export function groupByTopic(prefix: string, events: readonly RecordedEvent[]) {
  const byTopic = new Map<string, ReturnType<typeof toMessage>[]>();
  for (const event of events) {
    const topic = topicOfEvent(prefix, event);
    const list = byTopic.get(topic) ?? [];
    list.push(toMessage(event));
    byTopic.set(topic, list);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
