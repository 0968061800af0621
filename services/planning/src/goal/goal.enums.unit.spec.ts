import {
  GOAL_TERMS,
  GRADES,
  INDICATOR_CATALOGUE_VERSIONS,
  JOINT_REVIEWER_ROLES,
  LEVEL1,
  LEVEL2,
  OPERATORS,
  PRE_ASSESSMENT_CONCLUSIONS,
  PRE_ASSESSMENT_DIMENSIONS,
  PRE_ASSESSMENT_SUBJECTS,
  PROJECT_CATEGORIES,
  REVIEW_RESULTS,
  REVIEW_STAGES,
  SCORER_ROLES,
  TARGET_BASES,
  TEMPLATE_SCOPES,
} from '@jixiao/events';
import { CatalogueVersion, TemplateScope } from '../library/template.enums';
import {
  PreAssessmentConclusion,
  PreAssessmentDimension,
  PreAssessmentSubject,
  ScorerRole,
} from '../pre-assessment/pre-assessment.enums';
import { ProjectCategory } from '../project/project.enums';
import { Grade } from '../rule-profile/rule-profile.type';
import { GOAL_STATUSES } from './goal.state';
import {
  GoalStatus,
  GoalTerm,
  IndicatorLevel1,
  IndicatorLevel2,
  IndicatorOperator,
  JointReviewerRole,
  ReviewResult,
  ReviewStage,
  TargetBasis,
} from './goal.enums';

/** The GraphQL enums restate the catalog's value lists (to carry labels); they must never drift apart. */
describe('GraphQL enums match the event catalog', () => {
  it.each([
    ['IndicatorLevel1', IndicatorLevel1, LEVEL1],
    ['IndicatorLevel2', IndicatorLevel2, LEVEL2],
    ['IndicatorOperator', IndicatorOperator, OPERATORS],
    ['TargetBasis', TargetBasis, TARGET_BASES],
    ['GoalTerm', GoalTerm, GOAL_TERMS],
    ['ReviewResult', ReviewResult, REVIEW_RESULTS],
    ['ReviewStage', ReviewStage, REVIEW_STAGES],
    ['JointReviewerRole', JointReviewerRole, JOINT_REVIEWER_ROLES],
    ['GoalStatus', GoalStatus, GOAL_STATUSES.filter((s) => s !== 'NONE')],
    ['ProjectCategory', ProjectCategory, PROJECT_CATEGORIES],
    ['PreAssessmentDimension', PreAssessmentDimension, PRE_ASSESSMENT_DIMENSIONS],
    ['PreAssessmentSubject', PreAssessmentSubject, PRE_ASSESSMENT_SUBJECTS],
    ['PreAssessmentConclusion', PreAssessmentConclusion, PRE_ASSESSMENT_CONCLUSIONS],
    ['ScorerRole', ScorerRole, SCORER_ROLES],
    ['TemplateScope', TemplateScope, TEMPLATE_SCOPES],
    ['CatalogueVersion', CatalogueVersion, INDICATOR_CATALOGUE_VERSIONS],
    ['Grade', Grade, GRADES],
  ])('%s', (_name, graphqlEnum, catalogValues) => {
    expect([...Object.values(graphqlEnum)].sort()).toEqual([...catalogValues].sort());
  });
});
