import { randomUUID } from 'node:crypto';
import { expectNoWrite, seedFixture, type Fixture } from './support/fixture';
import {
  as,
  goalInput,
  projectInput,
  PROPOSE_PROJECT,
  REGISTER_UNIT,
  REVISE_INDICATOR,
  startTestPlatform,
  SUBMIT_GOAL,
  validIndicators,
} from './support/platform';

/**
 * One rule for a repeated commandId, through the gateway: the same command on the same record
 * answers its first result and writes nothing; the id reused for another record or another command
 * is refused with CONFLICT, in Chinese and English, and writes nothing.
 */
describe('a repeated commandId', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  let f: Fixture;
  beforeAll(async () => {
    p = await startTestPlatform();
    f = await seedFixture(p);
  });
  afterAll(async () => p.dispose());

  const unitA = () => as('BUDGET_UNIT', f.unitIds.A, 'zhang.a');

  const writesNothing = <T>(request: () => Promise<T>) => expectNoWrite(p, request);

  /** The refusal a reused command id gets, whatever it was first used for. */
  const reusedRefusal = (commandId: string) => ({
    code: 'CONFLICT',
    messageZh: expect.stringContaining(`命令编号 ${commandId} 已用于另一命令`) as unknown,
    messageEn: expect.stringContaining(`Command id ${commandId} was already used for another command`) as unknown,
  });

  it('answers a retried proposal with the project it first created, and writes nothing', async () => {
    const input = projectInput(f.unitIds.A, { commandId: randomUUID() });
    const first = await p.gql(PROPOSE_PROJECT, { input }, unitA());
    expect(first.errors).toBeUndefined();
    const again = await writesNothing(() => p.gql(PROPOSE_PROJECT, { input }, unitA()));
    expect(again.errors).toBeUndefined();
    expect(again.data!.proposeProject.id).toBe(first.data!.proposeProject.id);
  });

  it('refuses the id reused for another project’s goal with CONFLICT, and writes nothing', async () => {
    const commandId = randomUUID();
    const first = await p.gql(SUBMIT_GOAL, { input: goalInput(await f.freshProject('A'), { commandId }) }, unitA());
    expect(first.errors).toBeUndefined();
    const other = await f.freshProject('A');
    const reused = await writesNothing(() => p.gql(SUBMIT_GOAL, { input: goalInput(other, { commandId }) }, unitA()));
    expect(reused.data?.submitGoal ?? null).toBeNull();
    expect(reused.errors?.[0]?.extensions).toMatchObject(reusedRefusal(commandId));
    expect(JSON.stringify(reused)).not.toContain(first.data!.submitGoal.id);
  });

  it('refuses the id reused for another command on the same goal with CONFLICT, and writes nothing', async () => {
    const commandId = randomUUID();
    const first = await p.gql(SUBMIT_GOAL, { input: goalInput(await f.freshProject('A'), { commandId }) }, unitA());
    const goal = first.data!.submitGoal;
    const revise = {
      goalId: goal.id,
      reason: '同一编号的另一命令',
      indicator: { ...validIndicators()[0], id: goal.indicators[0]!.id, targetValue: 1 },
      commandId,
    };
    const reused = await writesNothing(() => p.gql(REVISE_INDICATOR, { input: revise }, unitA()));
    expect(reused.errors?.[0]?.extensions).toMatchObject(reusedRefusal(commandId));
  });

  it('refuses the id of a unit’s registration reused for a project proposal, across subgraphs', async () => {
    const commandId = randomUUID();
    const unit = { code: '309001', name: '天门市命令编号测试局', level: 'FIRST', divisionCode: '429006', commandId };
    const registered = await p.gql(REGISTER_UNIT, { input: unit }, as('ADMIN'));
    expect(registered.errors).toBeUndefined();
    const proposal = projectInput(f.unitIds.A, { commandId });
    const reused = await writesNothing(() => p.gql(PROPOSE_PROJECT, { input: proposal }, unitA()));
    expect(reused.errors?.[0]?.extensions).toMatchObject(reusedRefusal(commandId));
  });
});
