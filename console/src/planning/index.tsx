import { AimOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router-dom';
import { lazyPage, type ConsoleModule } from '../shell/modules';

/** 预算编制: projects, pre-assessment, goals, review, the indicator library and the dashboards. */
export const planningModule: ConsoleModule = {
  name: 'planning',
  title: '绩效目标管理',
  icon: <AimOutlined />,
  menu: [
    { path: '/projects', label: '项目库', operation: 'Query.projects', order: 10 },
    { path: '/pre-assessments', label: '事前绩效评估', operation: 'Query.preAssessment', order: 20 },
    { path: '/goals', label: '绩效目标', operation: 'Query.goals', order: 30 },
    { path: '/review-queue', label: '审核待办', operation: 'Query.reviewQueue', order: 40 },
    { path: '/indicators', label: '指标库', operation: 'Query.indicatorTemplates', order: 50 },
    { path: '/samples', label: '精品样本', operation: 'Query.goals', order: 60 },
    { path: '/dashboards', label: '统计分析', operation: 'Query.goalCoverage', order: 90 },
  ],
  routes: [
    { path: 'projects', ...lazyPage(() => import('./projects/projects-page').then((m) => m.ProjectsPage)) },
    { path: 'projects/new', ...lazyPage(() => import('./projects/propose-page').then((m) => m.ProposeProjectPage)) },
    { path: 'projects/:id', ...lazyPage(() => import('./projects/project-page').then((m) => m.ProjectPage)) },
    {
      path: 'pre-assessments',
      ...lazyPage(() => import('./pre-assessment/pre-assessments-page').then((m) => m.PreAssessmentsPage)),
    },
    {
      path: 'pre-assessments/:id',
      ...lazyPage(() => import('./pre-assessment/pre-assessment-page').then((m) => m.PreAssessmentPage)),
    },
    { path: 'goals', ...lazyPage(() => import('./goals/goals-page').then((m) => m.GoalsPage)) },
    { path: 'review-queue', ...lazyPage(() => import('./review/review-queue-page').then((m) => m.ReviewQueuePage)) },
    { path: 'goals/new', ...lazyPage(() => import('./goals/new-goal-page').then((m) => m.NewGoalPage)) },
    { path: 'goals/:id', ...lazyPage(() => import('./goals/goal-page').then((m) => m.GoalPage)) },
    { path: 'indicators', ...lazyPage(() => import('./library/indicators-page').then((m) => m.IndicatorsPage)) },
    { path: 'samples', ...lazyPage(() => import('./library/samples-page').then((m) => m.SamplesPage)) },
    { path: 'dashboards', ...lazyPage(() => import('./dashboards/dashboards-page').then((m) => m.DashboardsPage)) },
  ],
};

/** Planning's pages readable without signing in: the goals published with the approved budget (公开). */
export const planningPublicRoutes: RouteObject[] = [
  { path: '/public/goals', ...lazyPage(() => import('./disclosure/disclosure-page').then((m) => m.DisclosurePage)) },
];
