import { AimOutlined } from '@ant-design/icons';
import type { RouteObject } from 'react-router-dom';
import type { ConsoleModule } from '../shell/modules';
import { DashboardsPage } from './dashboards/dashboards-page';
import { DisclosurePage } from './disclosure/disclosure-page';
import { GoalPage } from './goals/goal-page';
import { GoalsPage } from './goals/goals-page';
import { NewGoalPage } from './goals/new-goal-page';
import { IndicatorsPage } from './library/indicators-page';
import { SamplesPage } from './library/samples-page';
import { PreAssessmentPage } from './pre-assessment/pre-assessment-page';
import { PreAssessmentsPage } from './pre-assessment/pre-assessments-page';
import { ProjectPage } from './projects/project-page';
import { ProjectsPage } from './projects/projects-page';
import { ProposeProjectPage } from './projects/propose-page';
import { ReviewQueuePage } from './review/review-queue-page';

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
    { path: 'projects', element: <ProjectsPage /> },
    { path: 'projects/new', element: <ProposeProjectPage /> },
    { path: 'projects/:id', element: <ProjectPage /> },
    { path: 'pre-assessments', element: <PreAssessmentsPage /> },
    { path: 'pre-assessments/:id', element: <PreAssessmentPage /> },
    { path: 'goals', element: <GoalsPage /> },
    { path: 'review-queue', element: <ReviewQueuePage /> },
    { path: 'goals/new', element: <NewGoalPage /> },
    { path: 'goals/:id', element: <GoalPage /> },
    { path: 'indicators', element: <IndicatorsPage /> },
    { path: 'samples', element: <SamplesPage /> },
    { path: 'dashboards', element: <DashboardsPage /> },
  ],
};

/** Planning's pages readable without signing in: the goals published with the approved budget (公开). */
export const planningPublicRoutes: RouteObject[] = [{ path: '/public/goals', element: <DisclosurePage /> }];
