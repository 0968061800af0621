import { directoryEvents, EventCatalog, type RecordedEvent } from '@jixiao/events';
import { evolveUnit, type UnitRow } from './units.projection';

const catalog = new EventCatalog(directoryEvents);

const registered = {
  unitId: 'u-edu',
  code: '101001',
  name: '天门市教育局',
  level: 'FIRST',
  parentId: null,
  divisionCode: '429006',
};

let version = 0;
const event = (type: string, data: object, schemaVersion = 1): RecordedEvent => {
  version += 1;
  return {
    eventId: `ev-${version}`,
    streamId: 'unit-u-edu',
    streamVersion: version,
    globalPosition: version,
    transactionId: version,
    type,
    schemaVersion,
    data,
    metadata: { actorId: 'chen.jing', role: 'ADMIN' },
    recordedAt: `2024-01-0${version}T08:00:00.000Z`,
    previousHash: '',
    hash: '',
  };
};
// as the runner feeds it: each stored event upcast to the current schema first
const fold = (events: RecordedEvent[]) =>
  events.reduce<UnitRow | null>((row, e) => evolveUnit(row, catalog.upcast(e)), null);

describe('the units read model: sector (行业/领域)', () => {
  beforeEach(() => (version = 0));

  it('keeps the sector a unit was registered with', () => {
    const row = fold([event('BudgetUnitRegistered', { ...registered, sector: '教育' }, 2)]);
    expect(row).toMatchObject({ unitId: 'u-edu', sector: '教育', lastVersion: 1, streamId: 'unit-u-edu' });
  });

  it('shows a unit registered before sectors (v1) with sector "" (未分类)', () => {
    const row = fold([event('BudgetUnitRegistered', registered, 1)]);
    expect(row).toMatchObject({ ...registered, sector: '' });
  });

  it('takes the sector of the last change, and its stream version', () => {
    const row = fold([
      event('BudgetUnitRegistered', registered, 1),
      event('BudgetUnitSectorChanged', { unitId: 'u-edu', sector: '综合', previousSector: '' }),
      event('BudgetUnitSectorChanged', { unitId: 'u-edu', sector: '教育', previousSector: '综合' }),
    ]);
    expect(row).toMatchObject({ sector: '教育', lastVersion: 3, name: '天门市教育局' });
  });

  it('ignores a sector change of a unit it has no row for', () => {
    expect(
      fold([event('BudgetUnitSectorChanged', { unitId: 'u-edu', sector: '教育', previousSector: '' })]),
    ).toBeNull();
  });
});
