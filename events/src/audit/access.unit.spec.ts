import type { RecordedEvent } from '../envelope';
import { EventCatalog } from '../catalog/define';
import { auditEvents } from './index';

const catalog = new EventCatalog([...auditEvents]);

const stored = (schemaVersion: number, data: unknown) =>
  ({ type: 'SensitiveDataRead', schemaVersion, data }) as unknown as RecordedEvent;

describe('SensitiveDataRead', () => {
  it('reads a stored v1 record (one stream) as a v2 record of one read, the stored data untouched', () => {
    const v1 = { resource: 'Goal.history', streamId: 'goal-g1', eventCount: 3 };
    const event = stored(1, v1);
    const upcast = catalog.upcast(event);
    expect(upcast).toMatchObject({ schemaVersion: 2, data: { reads: [v1] } });
    expect(event.data).toEqual({ resource: 'Goal.history', streamId: 'goal-g1', eventCount: 3 });
  });

  it('refuses a record that names no read, or a resource outside the audit operations', () => {
    expect(() => catalog.validate({ type: 'SensitiveDataRead', data: { reads: [] } })).toThrow();
    const wrong = { resource: 'Query.goals', streamId: 'goal-g1', eventCount: 1 };
    expect(() => catalog.validate({ type: 'SensitiveDataRead', data: { reads: [wrong] } })).toThrow();
  });
});
