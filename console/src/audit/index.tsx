import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazyPage, type ConsoleModule } from '../shell/modules';

/** 审计: any record's history as a timeline, with its chain verified. */
export const auditModule: ConsoleModule = {
  name: 'audit',
  title: '审计',
  icon: <SafetyCertificateOutlined />,
  menu: [{ path: '/audit', label: '记录溯源', operation: 'Query.verifyStream' }],
  routes: [
    { path: 'audit', ...lazyPage(() => import('./stream-history-page').then((m) => m.StreamHistoryPage)) },
    { path: 'audit/:streamId', ...lazyPage(() => import('./stream-history-page').then((m) => m.StreamHistoryPage)) },
  ],
};
