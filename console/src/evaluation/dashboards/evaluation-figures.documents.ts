import { graphql } from '../../gql';

export const SelfEvaluationScoresQuery = graphql(`
  query SelfEvaluationScores($filter: SelfEvaluationFilter!, $page: PageInput) {
    selfEvaluations(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        unitId
        object
        status
        total
        grade
      }
    }
  }
`);

export const KeyEvaluationScoresQuery = graphql(`
  query KeyEvaluationScores($filter: KeyEvaluationFilter, $page: PageInput) {
    keyEvaluations(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        unitId
        final {
          total
          grade
        }
      }
    }
  }
`);

export const EvaluationUnitNamesQuery = graphql(`
  query EvaluationUnitNames {
    budgetUnits(page: { first: 500 }) {
      nodes {
        id
        name
      }
    }
  }
`);

export const EvaluationFiguresBySectorQuery = graphql(`
  query EvaluationFiguresBySector($fiscalYear: Int!) {
    evaluationFigures(fiscalYear: $fiscalYear) {
      fiscalYear
      bySector {
        sector
        sectorLabel
        unitCount
        selfEvaluation {
          count
          averageScore
          grades {
            grade
            count
          }
        }
        keyEvaluation {
          count
          averageScore
          grades {
            grade
            count
          }
        }
      }
    }
  }
`);
