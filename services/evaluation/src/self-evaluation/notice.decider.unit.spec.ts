import { EventCatalog, evaluationEvents, given, IllegalStateError, ValidationError } from '@jixiao/events';
import { drawSpotCheck } from '../scoring';
import {
  evaluationNoticeDecider,
  isDay,
  noticeStreamId,
  type DrawSpotCheck,
  type IssueEvaluationNotice,
  type SelfEvaluationTask,
} from './notice.decider';
import type { EvaluationNoticeEvent, EvaluationNoticeIssued } from './self-evaluation.events';

const catalog = new EventCatalog(evaluationEvents);
const ref = { profileId: 'builtin-national', version: 1 };

const task = (n: number): SelfEvaluationTask => ({
  evaluationId: `e${n}`,
  unitId: `u${String(n).padStart(2, '0')}`,
  object: 'DEPT_OVERALL',
  goalId: null,
  projectId: null,
  name: `单位${n}`,
  departmentReview: n > 1,
});
const tasks = Array.from({ length: 20 }, (_, i) => task(i + 1));
const issue: IssueEvaluationNotice = {
  type: 'IssueEvaluationNotice',
  divisionCode: '429006',
  fiscalYear: 2023,
  dueDate: '2024-03-31',
  ruleProfile: ref,
  tasks,
};
const issued: EvaluationNoticeIssued = {
  type: 'EvaluationNoticeIssued',
  data: { divisionCode: '429006', fiscalYear: 2023, dueDate: '2024-03-31', ruleProfile: ref, tasks },
};
const draw: DrawSpotCheck = {
  type: 'DrawSpotCheck',
  divisionCode: '429006',
  fiscalYear: 2023,
  seed: ' 2023-抽查 ',
  percent: 10,
  ruleProfile: ref,
};
const notice = (history: EvaluationNoticeEvent[]) => given(evaluationNoticeDecider, history);

describe('the self-evaluation notice (绩效自评通知)', () => {
  it('is issued once per division and year, on evaluationnotice-<division>-<year>, and fits the catalog', () => {
    expect(noticeStreamId('429006', 2023)).toBe('evaluationnotice-429006-2023');
    notice([])
      .when(issue)
      .then([issued])
      .forEach((e) => expect(() => catalog.validate(e)).not.toThrow());
    notice([issued])
      .when(issue)
      .thenThrows(IllegalStateError, /已下达/);
  });

  it('is due after the year evaluated ends: 31 December is refused, 1 January is not', () => {
    const error = notice([])
      .when({ ...issue, dueDate: '2023-12-31' })
      .thenThrows(ValidationError, /截止日期应在该年度结束之后/);
    expect(error.issues.map((i) => i.path)).toEqual(['dueDate']);
    expect(
      notice([])
        .when({ ...issue, dueDate: '2024-01-01' })
        .then([{ ...issued, data: { ...issued.data, dueDate: '2024-01-01' } }]),
    ).toHaveLength(1);
  });

  it('refuses a due date that is not a day of the calendar, and a year without units', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2024-13-01')).toBe(false);
    expect(isDay('2024-1-01')).toBe(false);
    expect(isDay('x2024-01-01')).toBe(false);
    expect(isDay('2024-01-011')).toBe(false);
    expect(isDay('2023-04-31')).toBe(false);
    // years below 100 are not what Date.UTC takes them for (1999)
    expect(isDay('0099-01-01')).toBe(false);
    expect(evaluationNoticeDecider.initialState()).toEqual({ notice: null, duePassed: false, drawn: null });
    const bad = notice([])
      .when({ ...issue, dueDate: '2024-02-30' })
      .thenThrows(ValidationError, /无效/);
    expect(bad.issues).toEqual([expect.objectContaining({ path: 'dueDate', en: expect.stringMatching(/not a day/) })]);
    const none = notice([])
      .when({ ...issue, tasks: [] })
      .thenThrows(ValidationError, /没有一级、二级预算单位/);
    expect(none.issues.map((i) => i.path)).toEqual(['fiscalYear']);
  });

  it('passes its due date once: the scheduler running again adds nothing', () => {
    const passed = {
      type: 'EvaluationNoticeDuePassed' as const,
      data: { divisionCode: '429006', fiscalYear: 2023, dueDate: '2024-03-31' },
    };
    notice([issued]).when({ type: 'MarkNoticeDuePassed', divisionCode: '429006', fiscalYear: 2023 }).then([passed]);
    notice([issued, passed]).when({ type: 'MarkNoticeDuePassed', divisionCode: '429006', fiscalYear: 2023 }).then([]);
    notice([])
      .when({ type: 'MarkNoticeDuePassed', divisionCode: '429006', fiscalYear: 2023 })
      .thenThrows(IllegalStateError, /尚未下达/);
  });
});

describe('the spot-check draw (财政抽查)', () => {
  it('draws the profile’s share of the notice’s units, reproducibly from the trimmed seed, once', () => {
    const [event] = notice([issued])
      .when(draw)
      .then([
        {
          type: 'SpotCheckDrawn',
          data: {
            divisionCode: '429006',
            fiscalYear: 2023,
            seed: '2023-抽查',
            percent: 10,
            ruleProfile: ref,
            unitIds: tasks.map((t) => t.unitId),
            drawnUnitIds: drawSpotCheck(
              tasks.map((t) => t.unitId),
              10,
              '2023-抽查',
            ),
          },
        },
      ]);
    expect(() => catalog.validate(event!)).not.toThrow();
    const drawn = (event as Extract<EvaluationNoticeEvent, { type: 'SpotCheckDrawn' }>).data.drawnUnitIds;
    expect(drawn).toHaveLength(2);
    notice([issued, event!])
      .when(draw)
      .thenThrows(IllegalStateError, /已抽取/);
  });

  it('draws from each unit once, in id order, however many tasks it has', () => {
    const twice = {
      ...issued,
      data: { ...issued.data, tasks: [task(3), { ...task(3), evaluationId: 'p3' }, task(1)] },
    };
    const [event] = notice([twice])
      .when({ ...draw, percent: 100 })
      .then([expect.anything()]);
    expect((event as Extract<EvaluationNoticeEvent, { type: 'SpotCheckDrawn' }>).data.unitIds).toEqual(['u01', 'u03']);
  });

  it('needs the notice and a seed', () => {
    notice([])
      .when(draw)
      .thenThrows(IllegalStateError, /尚未下达/);
    const error = notice([issued])
      .when({ ...draw, seed: '  ' })
      .thenThrows(ValidationError, /种子/);
    expect(error.issues.map((i) => i.path)).toEqual(['seed']);
  });
});
