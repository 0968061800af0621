import { AuditOutlined } from '@ant-design/icons';
import { lazyPage, type ConsoleModule } from '../shell/modules';

/** 绩效评价: the units' self-evaluations (填报、审核、抽查) with the score sheet the platform computes. */
export const evaluationModule: ConsoleModule = {
  name: 'evaluation',
  title: '绩效评价',
  icon: <AuditOutlined />,
  menu: [{ path: '/self-evaluations', label: '自评任务', operation: 'Query.selfEvaluations', order: 10 }],
  routes: [
    {
      path: 'self-evaluations',
      ...lazyPage(() => import('./self-evaluation/tasks-page').then((m) => m.SelfEvaluationTasksPage)),
    },
    {
      path: 'self-evaluations/:id',
      ...lazyPage(() => import('./self-evaluation/self-evaluation-page').then((m) => m.SelfEvaluationPage)),
    },
  ],
};
