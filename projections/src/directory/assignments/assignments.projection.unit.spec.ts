import type { RecordedEvent } from '@jixiao/events';
import { evolveAssignments, type AssignmentDoc } from './assignments.projection';

let version = 0;
const event = (type: string, assigneeUserId: string, actorId = 'li.na'): RecordedEvent => {
  version += 1;
  return {
    eventId: `ev-${version}`,
    streamId: 'assignment-pre_assessment-p1',
    streamVersion: version,
    globalPosition: version,
    transactionId: version,
    type,
    schemaVersion: 1,
    data: { kind: 'PRE_ASSESSMENT', subjectId: 'p1', assigneeUserId, reason: '专家库抽取' },
    metadata: { actorId, role: 'PERFORMANCE_SECTION' },
    recordedAt: `2024-03-0${version}T08:00:00.000Z`,
    previousHash: '',
    hash: '',
  };
};
const fold = (events: RecordedEvent[]) =>
  events.reduce<AssignmentDoc | null>((doc, e) => evolveAssignments(doc, e), null);
const assignees = (doc: AssignmentDoc | null) => doc?.assignees.map((a) => a.assigneeUserId);

describe('the assignments read model', () => {
  beforeEach(() => (version = 0));

  it('holds a row per user assigned now, with who granted it and the grant event', () => {
    const doc = fold([event('AssignmentGranted', 'e1'), event('AssignmentGranted', 'e2')]);
    expect(doc).toMatchObject({
      streamId: 'assignment-pre_assessment-p1',
      lastVersion: 2,
      kind: 'PRE_ASSESSMENT',
      subjectId: 'p1',
    });
    expect(doc!.assignees[0]).toMatchObject({
      assigneeUserId: 'e1',
      grantedBy: 'li.na',
      grantEventId: 'ev-1',
      reason: '专家库抽取',
      grantedAt: new Date('2024-03-01T08:00:00.000Z'),
    });
    expect(assignees(doc)).toEqual(['e1', 'e2']);
  });

  it('drops a revoked user but keeps the record and its version, so a redelivered grant is known as applied', () => {
    const doc = fold([event('AssignmentGranted', 'e1'), event('AssignmentRevoked', 'e1')]);
    expect(doc).toMatchObject({ lastVersion: 2, assignees: [] });
  });

  it('re-grants after a revocation from the new grant', () => {
    const doc = fold([
      event('AssignmentGranted', 'e1'),
      event('AssignmentRevoked', 'e1'),
      event('AssignmentGranted', 'e1', 'wang.fang'),
    ]);
    expect(doc!.assignees).toEqual([
      expect.objectContaining({ assigneeUserId: 'e1', grantedBy: 'wang.fang', grantEventId: 'ev-3' }),
    ]);
  });

  it('ignores events of other types', () => {
    const doc = fold([event('AssignmentGranted', 'e1')]);
    expect(evolveAssignments(doc, { ...event('PreAssessmentOpened', 'x') })).toBe(doc);
  });
});
