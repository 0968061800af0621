import { graphql } from '../../gql';

/** The agency directory: qualification, the procurement that bought each in, contracts, quality ratings. */
export const AgenciesQuery = graphql(`
  query Agencies($filter: AgencyFilter, $page: PageInput) {
    agencies(filter: $filter, page: $page) {
      totalCount
      nodes {
        id
        name
        creditCode
        qualification
        divisionCode
        registeredAt
        procurement {
          method
          announcedOn
          resultRef
        }
        contracts {
          contractNumber
          signedOn
          from
          to
          scope
          amount
        }
        ratings {
          evaluationId
          score
          comments
          ratedOn
        }
        ratingCount
        averageScore
      }
    }
  }
`);

/** The key evaluations an agency carried out, to rate one whose final report is in. */
export const AgencyEvaluationsQuery = graphql(`
  query AgencyEvaluations($filter: KeyEvaluationFilter) {
    keyEvaluations(filter: $filter, page: { first: 100 }) {
      nodes {
        id
        subject
        fiscalYear
        stage
        contractNumber
      }
    }
  }
`);

export const RegisterAgencyMutation = graphql(`
  mutation RegisterAgency($input: RegisterAgencyInput!) {
    registerAgency(input: $input) {
      id
    }
  }
`);

export const AnnounceAgencyProcurementMutation = graphql(`
  mutation AnnounceAgencyProcurement($input: AnnounceAgencyProcurementInput!) {
    announceAgencyProcurement(input: $input) {
      id
    }
  }
`);

export const SignAgencyContractMutation = graphql(`
  mutation SignAgencyContract($input: SignAgencyContractInput!) {
    signAgencyContract(input: $input) {
      id
    }
  }
`);

export const RateAgencyMutation = graphql(`
  mutation RateAgency($input: RateAgencyInput!) {
    rateAgency(input: $input) {
      id
    }
  }
`);
