import { AuditOutlined } from '@ant-design/icons';
import { lazyPage, type ConsoleModule } from '../shell/modules';

/**
 * 绩效评价: the units' self-evaluations (填报、审核、抽查) with the score sheet the platform computes; key
 * evaluations — the agency's workspace (evidence, scores, reports, feedback), the year's plan board and
 * the directory of the agencies (qualification, contracts, quality ratings).
 */
export const evaluationModule: ConsoleModule = {
  name: 'evaluation',
  title: '绩效评价',
  icon: <AuditOutlined />,
  menu: [
    { path: '/self-evaluations', label: '自评任务', operation: 'Query.selfEvaluations', order: 10 },
    { path: '/key-evaluations', label: '重点评价', operation: 'Query.keyEvaluations', order: 20 },
    { path: '/agencies', label: '评价机构', operation: 'Query.agencies', order: 25 },
    { path: '/key-evaluation-board', label: '评价计划', operation: 'Query.keyEvaluationBoard', order: 30 },
    { path: '/evaluation-figures', label: '评价统计', operation: 'Query.selfEvaluations', order: 40 },
  ],
  routes: [
    {
      path: 'self-evaluations',
      ...lazyPage(() => import('./self-evaluation/tasks-page').then((m) => m.SelfEvaluationTasksPage)),
    },
    {
      path: 'self-evaluations/:id',
      ...lazyPage(() => import('./self-evaluation/self-evaluation-page').then((m) => m.SelfEvaluationPage)),
    },
    {
      path: 'key-evaluations',
      ...lazyPage(() => import('./key-evaluation/key-evaluations-page').then((m) => m.KeyEvaluationsPage)),
    },
    {
      path: 'key-evaluations/:id',
      ...lazyPage(() => import('./key-evaluation/workspace-page').then((m) => m.KeyEvaluationWorkspacePage)),
    },
    {
      path: 'agencies',
      ...lazyPage(() => import('./agency/agencies-page').then((m) => m.AgenciesPage)),
    },
    {
      path: 'key-evaluation-board',
      ...lazyPage(() => import('./key-evaluation/board-page').then((m) => m.KeyEvaluationBoardPage)),
    },
    {
      path: 'evaluation-figures',
      ...lazyPage(() => import('./dashboards/figures-page').then((m) => m.EvaluationFiguresPage)),
    },
  ],
};
