import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { chinaToday } from '../support/key-evaluation-walk';
import { tokenSession, useConsoleHarness } from './harness';
import { record } from './console-pages';

/** Picks an option of the Select labelled `field` in the list that Select controls. */
async function choose(page: Page, field: string, option: string): Promise<void> {
  const input = page.getByLabel(field, { exact: true });
  await input.click();
  const list = await input.getAttribute('aria-controls');
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) });
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/**
 * 专家评分 in the workspace (issue 16, roles: "EXPERT may be invited to score"): the bureau has a key
 * evaluation in fieldwork, scored by the demo agency, and invites an expert; the expert opens it,
 * scores an indicator on the sheet and sees the score listed beside the agency's, which stay as they
 * were; an expert not invited finds nothing.
 */
describe('an invited expert’s scores in the key-evaluation workspace', () => {
  const h = useConsoleHarness();
  const section = { role: 'PERFORMANCE_SECTION' as const, userId: 'li.na' };
  const today = chinaToday();
  const subject = '农村客运补贴政策（专家评分界面测试）';

  async function must(query: string, variables: Record<string, unknown>, caller: object = section) {
    const r = await h.platform.gql(query, variables, caller as never);
    expect(r.errors).toBeUndefined();
    return Object.values(r.data as object)[0] as Record<string, unknown>;
  }

  it('scores as an invited expert, beside the agency; an uninvited expert finds nothing', async () => {
    const agencies = await must(`{ agencies(filter: { name: "天衡" }, page: { first: 5 }) { nodes { id } } }`, {});
    const agencyId = (agencies.nodes as { id: string }[])[0]!.id;
    await must(`mutation($input: SignAgencyContractInput!) { signAgencyContract(input: $input) { id } }`, {
      input: {
        agencyId,
        contractNumber: 'TMCZ-UI-ZJ',
        signedOn: today,
        from: today,
        to: `${Number(today.slice(0, 4)) + 1}-12-31`,
        scope: '财政重点绩效评价',
        amount: '90000.00',
      },
    });
    const { units } = (await fetch(h.url('dev/identities')).then((r) => r.json())) as { units: { id: string }[] };
    const planned = await must(
      `mutation($input: PlanKeyEvaluationInput!) { planKeyEvaluation(input: $input) { id } }`,
      {
        input: { kind: 'FINANCE_KEY', object: 'POLICY', unitId: units[0]!.id, subject, fiscalYear: 2024 },
      },
    );
    const id = planned.id as string;
    await must(`mutation($input: AssignKeyEvaluationInput!) { assignKeyEvaluation(input: $input) { id } }`, {
      input: { evaluationId: id, evaluatorId: agencyId, contractNumber: 'TMCZ-UI-ZJ', scope: '全过程' },
    });
    const agency = { role: 'AGENCY', unitId: agencyId, userId: 'agency.tianheng' };
    await must(
      `mutation($input: RecordEvaluationEvidenceInput!) { recordEvaluationEvidence(input: $input) { id } }`,
      { input: { evaluationId: id, kind: 'DOCUMENTS', date: today, documents: ['补贴发放台账'] } },
      agency,
    );
    await must(
      `mutation($input: GiveEvaluationScoresInput!) { giveEvaluationScores(input: $input) { id } }`,
      {
        input: {
          evaluationId: id,
          scores: [{ dimension: 'OUTPUT', indicator: '补贴发放及时率', points: 31, maxPoints: 35 }],
        },
      },
      agency,
    );
    await must(`mutation($input: KeyEvaluationExpertInput!) { inviteKeyEvaluationExpert(input: $input) { id } }`, {
      input: { evaluationId: id, userId: 'expert.009', reason: '从评审专家库抽取' },
    });

    const page = await h.newPage();
    await tokenSession(page, h, { role: 'EXPERT', userId: 'expert.009' }, `key-evaluations/${id}`);
    await page.getByRole('heading', { name: `评价工作台：${subject}` }).waitFor();
    await page.getByRole('tab', { name: /评分/ }).click();
    await page.getByText('专家按指标评分（不计入总分）').waitFor();
    await choose(page, '第 1 行维度', '产出');
    await page.getByLabel('第 1 行指标').fill('补贴发放及时率');
    await page.getByLabel('第 1 行满分').fill('35');
    await page.getByLabel('第 1 行得分').fill('28');
    await page.getByLabel('第 1 行扣分理由').fill('抽查 3 个乡镇发放滞后');
    await page.getByRole('button', { name: '提交评分' }).click();
    const experts = page.locator('.ant-table-wrapper', { hasText: '受邀专家评分（供参考，不计入总分）' });
    await experts.getByText('28 / 35').waitFor();
    expect(await experts.getByText('expert.009').count()).toBe(1);
    // the agency's score is as it was
    await page.getByText('补贴发放及时率：31 / 35').waitFor();
    await record(page, 'evaluation-key-evaluation-expert-scores');

    const stored = await must(
      `query($id: ID!) { keyEvaluation(id: $id) { scores { points } expertScores { expertId points reason } } }`,
      { id },
    );
    expect(stored).toEqual({
      scores: [{ points: 31 }],
      expertScores: [{ expertId: 'expert.009', points: 28, reason: '抽查 3 个乡镇发放滞后' }],
    });

    const stranger = await h.newPage();
    await tokenSession(stranger, h, { role: 'EXPERT', userId: 'expert.010' }, `key-evaluations/${id}`);
    await stranger.getByText('未找到：该记录不存在，或不在您的权限范围内').waitFor();
  }, 300_000);
});
