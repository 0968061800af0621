import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { ConsoleModule } from '../shell/modules';
import { StreamHistoryPage } from './stream-history-page';

/** 审计: any record's history as a timeline, with its chain verified. */
export const auditModule: ConsoleModule = {
  name: 'audit',
  title: '审计',
  icon: <SafetyCertificateOutlined />,
  menu: [{ path: '/audit', label: '记录溯源', operation: 'Query.verifyStream' }],
  routes: [
    { path: 'audit', element: <StreamHistoryPage /> },
    { path: 'audit/:streamId', element: <StreamHistoryPage /> },
  ],
};
