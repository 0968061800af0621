import { as, OPINION, REGISTER_UNIT, startTestPlatform, SUBMIT_GOAL } from './support/platform';
import {
  admin,
  budgetSection,
  goalInput,
  officer,
  ok,
  performance,
  projectInput,
  PROPOSE_PROJECT,
} from './support/walk';

const QUEUE = `query { reviewQueue { totalCount nodes { id } } }`;
const PUBLISH = `mutation($input: PublishRuleProfileInput!) { publishRuleProfile(input: $input) { jointReviewRoles } }`;
const expert = as('EXPERT', null, 'expert.queue');

/**
 * The joint-review queues follow the rule profile in force for each goal's division and year:
 * a member the profile leaves out of the joint review has nothing to do there, and one it adds does.
 */
describe('the joint-review queue follows the rule profile (embedded platform, through the gateway)', () => {
  let p: Awaited<ReturnType<typeof startTestPlatform>>;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => p.dispose());

  const queueOf = async (caller: ReturnType<typeof as>) =>
    ((await ok(p, QUEUE, {}, caller)).nodes as { id: string }[]).map((g) => g.id);

  const goalIn = async (code: string, divisionCode: string) => {
    const unit = await ok(
      p,
      REGISTER_UNIT,
      { input: { code, name: `单位${code}`, level: 'FIRST', divisionCode } },
      admin,
    );
    const project = await ok(p, PROPOSE_PROJECT, { input: projectInput(unit.id) }, officer(unit.id));
    return (await ok(p, SUBMIT_GOAL, { input: goalInput(project.id) }, officer(unit.id))).id as string;
  };

  it('puts a goal in the expert and budget-section queues only where the profile names them', async () => {
    const publish = (divisionCode: string, jointReviewRoles: string[]) =>
      ok(
        p,
        PUBLISH,
        {
          input: {
            divisionCode,
            fiscalYear: 2024,
            name: `${divisionCode} 2024`,
            reason: '联审分工调整',
            jointReviewRoles,
          },
        },
        admin,
      );
    // 429006 keeps the built-in joint review; 420100 leaves experts and the budget section out
    await publish('420100', ['PERFORMANCE_SECTION']);
    const everyone = await goalIn('201001', '429006');
    const sectionOnly = await goalIn('202001', '420100');

    expect(await queueOf(expert)).toEqual([everyone]);
    expect(await queueOf(budgetSection)).toEqual([everyone]);

    // the next version of 420100's profile adds the budget section back: its goal enters that queue only
    await publish('420100', ['PERFORMANCE_SECTION', 'BUDGET_SECTION']);
    expect((await queueOf(budgetSection)).sort()).toEqual([everyone, sectionOnly].sort());
    expect(await queueOf(expert)).toEqual([everyone]);
  });

  it('lists the goal submitted longest ago first, whichever changed last', async () => {
    const first = await goalIn('203001', '429006');
    const second = await goalIn('204001', '429006');
    const order = async () => (await queueOf(performance)).filter((id) => id === first || id === second);
    expect(await order()).toEqual([first, second]);
    // an opinion makes the first the latest changed: it still waits longest
    await ok(p, OPINION, { input: { goalId: first, opinion: 'APPROVE' } }, budgetSection);
    expect(await order()).toEqual([first, second]);
  });
});
