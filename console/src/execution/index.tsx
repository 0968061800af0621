import { FundOutlined } from '@ant-design/icons';
import { lazyPage, type ConsoleModule } from '../shell/modules';

/** 预算执行: disbursement requests and their review (拨款审核), monitoring (双监控) with its warnings, and the year's figures. */
export const executionModule: ConsoleModule = {
  name: 'execution',
  title: '预算执行',
  icon: <FundOutlined />,
  menu: [
    { path: '/disbursements', label: '拨款申请', operation: 'Query.disbursementRequests', order: 10 },
    { path: '/disbursement-queue', label: '拨款审核', operation: 'Query.disbursementQueue', order: 20 },
    { path: '/monitoring-report', label: '监控填报', operation: 'Mutation.fileMonitoringReport', order: 30 },
    { path: '/monitoring', label: '监控进度', operation: 'Query.monitoringRoundProgress', order: 40 },
    { path: '/monitoring-warnings', label: '监控预警', operation: 'Query.monitoringWarnings', order: 50 },
    { path: '/disbursement-figures', label: '拨款统计', operation: 'Query.disbursementFigures', order: 80 },
  ],
  routes: [
    {
      path: 'disbursements',
      ...lazyPage(() => import('./disbursement/requests-page').then((m) => m.DisbursementRequestsPage)),
    },
    {
      path: 'disbursements/new',
      ...lazyPage(() => import('./disbursement/new-request-page').then((m) => m.NewDisbursementRequestPage)),
    },
    {
      path: 'disbursements/:id',
      ...lazyPage(() => import('./disbursement/request-page').then((m) => m.DisbursementRequestPage)),
    },
    {
      path: 'disbursement-queue',
      ...lazyPage(() => import('./disbursement/queue-page').then((m) => m.DisbursementQueuePage)),
    },
    {
      path: 'monitoring-report',
      ...lazyPage(() => import('./monitoring/report-page').then((m) => m.MonitoringReportPage)),
    },
    { path: 'monitoring', ...lazyPage(() => import('./monitoring/rounds-page').then((m) => m.MonitoringRoundsPage)) },
    {
      path: 'monitoring-warnings',
      ...lazyPage(() => import('./monitoring/warnings-page').then((m) => m.MonitoringWarningsPage)),
    },
    {
      path: 'disbursement-figures',
      ...lazyPage(() => import('./dashboards/figures-page').then((m) => m.DisbursementFiguresPage)),
    },
  ],
};
