import { catalog } from '@jixiao/contexts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, NotYetVisibleError } from '@jixiao/events';
import { unitDecider, unitStreamId, type RegisterBudgetUnit } from '@jixiao/directory';
import { execute, type RequestContext, type ServiceDeps } from '@jixiao/service-kit';
import { SqliteEventStore } from '../event-store';

const ctx: RequestContext = { actor: { userId: 'wang', role: 'ADMIN', unitId: null }, correlationId: 'corr-1' };
const register: RegisterBudgetUnit = {
  type: 'RegisterBudgetUnit',
  unitId: 'u1',
  code: '101',
  name: '天门市财政局',
  level: 'FIRST',
  parentId: null,
  divisionCode: '429006',
};

describe('executing a command (service kit on a real SQLite store)', () => {
  let dir: string;
  let store: SqliteEventStore;
  const deps = (visible: boolean): ServiceDeps => ({
    store,
    catalog,
    contexts: [],
    em: () => {
      throw new Error('not used');
    },
    waitForProjections: async () => visible,
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-exec-'));
    store = new SqliteEventStore({ file: join(dir, 'e.db'), catalog });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records the actor and correlation id from the request context', async () => {
    const r = await execute(deps(true), ctx, unitStreamId('u1'), unitDecider, register, { commandId: 'cmd-1' });
    expect(r.events[0]!.metadata).toMatchObject({
      actorId: 'wang',
      role: 'ADMIN',
      correlationId: 'corr-1',
      commandId: 'cmd-1',
    });
  });

  it('answers a retried command id with its first result even when deciding again would now be refused', async () => {
    const first = await execute(deps(true), ctx, unitStreamId('u1'), unitDecider, register, { commandId: 'cmd-1' });
    // registering u1 again would be ILLEGAL_STATE; the same command id is a retry, not a new decision
    const retry = await execute(deps(true), ctx, unitStreamId('u1'), unitDecider, register, { commandId: 'cmd-1' });
    expect(retry.duplicate).toBe(true);
    expect(retry.events.map((e) => e.eventId)).toEqual(first.events.map((e) => e.eventId));
    await expect(execute(deps(true), ctx, unitStreamId('u1'), unitDecider, register)).rejects.toMatchObject({
      code: ErrorCode.ILLEGAL_STATE,
    });
    expect(await store.readAll()).toHaveLength(1);
  });

  it('says when the change is recorded but the read models have not caught up', async () => {
    const attempt = execute(deps(false), ctx, unitStreamId('u1'), unitDecider, register, { commandId: 'cmd-2' });
    await expect(attempt).rejects.toBeInstanceOf(NotYetVisibleError);
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_YET_VISIBLE', zh: expect.stringMatching(/已记录/) });
    expect(await store.readAll()).toHaveLength(1);
  });
});
