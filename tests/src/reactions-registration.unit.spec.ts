import { catalog, CONTEXTS, DEADLINES, REACTIONS } from '@jixiao/contexts';

/** A reaction or deadline that names an event type no context declares would wait for it forever. */
describe('the registered reactions and deadlines', () => {
  it('handle only event types of the catalog, and planning registers the resubmission deadline', () => {
    const known = new Set(catalog.definitions.map((d) => d.type));
    for (const { name, handles } of [...REACTIONS, ...DEADLINES])
      expect({ name, unknown: handles.filter((type) => !known.has(type)) }).toEqual({ name, unknown: [] });
    expect(REACTIONS.map((r) => r.name)).toContain('planning.goal-resubmission-deadline');
    expect(DEADLINES.map((d) => d.name)).toContain('planning.goal-resubmission');
    // the resubmission events go to a stream category the planning context declares (one Kafka topic)
    expect(CONTEXTS.find((c) => c.name === 'planning')!.streamCategories).toContain('goalresubmission');
  });
});
