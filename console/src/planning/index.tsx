import { AimOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router-dom';
import type { ConsoleModule } from '../shell/modules';
import { DashboardsPage } from './dashboards/dashboards-page';
import { GoalsPage } from './goals/goals-page';

/** 预算编制: projects, pre-assessment, goals, review, the indicator library and the dashboards. */
export const planningModule: ConsoleModule = {
  name: 'planning',
  title: '绩效目标管理',
  icon: <AimOutlined />,
  menu: [
    { path: '/goals', label: '绩效目标', operation: 'Query.goals', order: 30 },
    { path: '/dashboards', label: '统计分析', operation: 'Query.goalCoverage', order: 90 },
  ],
  routes: [
    { path: 'goals', element: <GoalsPage /> },
    { path: 'dashboards', element: <DashboardsPage /> },
  ],
};

/** Planning's pages readable without signing in: the goals published with the approved budget (公开). */
export const planningPublicRoutes: RouteObject[] = [];
