import type { RecordedEvent } from '@jixiao/events';
import type { Projection } from '@jixiao/projections';
import { awaitedVersions } from './read-your-writes';

const projection = (name: string, handles: string[]) => ({ name, handles }) as unknown as Projection;
const event = (type: string, streamVersion: number, streamId = 'goal-g1') =>
  ({ type, streamVersion, streamId }) as RecordedEvent;

describe('the versions a command waits for', () => {
  const goals = projection('planning.goals', ['GoalSubmitted', 'IndicatorRevised']);
  const library = projection('planning.indicator-library', ['GoalSubmitted']);
  const units = projection('directory.units', ['BudgetUnitRegistered']);

  it('is, per projection, the highest version among the command’s events it handles', () => {
    const waits = awaitedVersions(
      [goals, library, units],
      [event('GoalSubmitted', 4), event('IndicatorRevised', 5), event('IndicatorRevised', 6)],
    );
    expect(waits.map((w) => [w.projection.name, w.streamId, w.version])).toEqual([
      ['planning.goals', 'goal-g1', 6],
      // it handles only the first event: waiting for the last one's type would have skipped it
      ['planning.indicator-library', 'goal-g1', 4],
    ]);
  });

  it('is nothing when no projection handles the events (an access record, say)', () => {
    expect(awaitedVersions([goals, units], [event('SensitiveDataRead', 1, 'access-u')])).toEqual([]);
  });
});
