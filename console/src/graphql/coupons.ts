import { graphql } from "../gql";

export const CustomerAppliedCouponsDocument = graphql(`
  query CustomerAppliedCoupons($id: ID!) {
    customer(id: $id) {
      id
      currency
      appliedCoupons {
        id
        status
        amountCents
        amountCentsRemaining
        amountCurrency
        percentageRate
        frequency
        frequencyDuration
        frequencyDurationRemaining
        terminatedAt
        createdAt
        coupon {
          id
          name
          code
          couponType
        }
      }
    }
  }
`);

export const ApplicableCouponsDocument = graphql(`
  query ApplicableCoupons {
    coupons(terminated: false, limit: 100) {
      collection {
        id
        name
        code
        couponType
        amountCents
        amountCurrency
        percentageRate
        frequency
        frequencyDuration
        status
      }
    }
  }
`);

export const CreateAppliedCouponDocument = graphql(`
  mutation CreateAppliedCoupon($input: CreateAppliedCouponInput!) {
    createAppliedCoupon(input: $input) {
      id
      status
    }
  }
`);

export const TerminateAppliedCouponDocument = graphql(`
  mutation TerminateAppliedCoupon($id: ID!) {
    terminateAppliedCoupon(input: { id: $id }) {
      id
      status
      terminatedAt
    }
  }
`);

// The coupon catalogue's operations (/coupons); what a coupon is limited to is read only by a member
// who may see plans and billable metrics.

export const CouponFieldsFragment = graphql(`
  fragment CouponFields on Coupon {
    id
    name
    code
    description
    couponType
    amountCents
    amountCurrency
    percentageRate
    frequency
    frequencyDuration
    reusable
    expiration
    expirationAt
    terminatedAt
    status
    createdAt
    plans @include(if: $withPlans) {
      id
      name
    }
    billableMetrics @include(if: $withMetrics) {
      id
      name
    }
  }
`);

export const CouponsDocument = graphql(`
  query Coupons($page: Int, $limit: Int, $searchTerm: String, $withPlans: Boolean!, $withMetrics: Boolean!) {
    coupons(page: $page, limit: $limit, searchTerm: $searchTerm) {
      collection {
        ...CouponFields
      }
      metadata {
        currentPage
        totalPages
        totalCount
      }
    }
  }
`);

export const CouponDocument = graphql(`
  query Coupon($id: ID!, $withPlans: Boolean!, $withMetrics: Boolean!) {
    coupon(id: $id) {
      ...CouponFields
    }
    plans(limit: 100) @include(if: $withPlans) {
      collection {
        id
        name
      }
    }
    billableMetrics(limit: 100) @include(if: $withMetrics) {
      collection {
        id
        name
      }
    }
  }
`);

export const CouponTargetsDocument = graphql(`
  query CouponTargets($withPlans: Boolean!, $withMetrics: Boolean!) {
    plans(limit: 100) @include(if: $withPlans) {
      collection {
        id
        name
      }
    }
    billableMetrics(limit: 100) @include(if: $withMetrics) {
      collection {
        id
        name
      }
    }
  }
`);

export const CreateCouponDocument = graphql(`
  mutation CreateCoupon($input: CreateCouponInput!, $withPlans: Boolean!, $withMetrics: Boolean!) {
    createCoupon(input: $input) {
      ...CouponFields
    }
  }
`);

export const UpdateCouponDocument = graphql(`
  mutation UpdateCoupon($input: UpdateCouponInput!, $withPlans: Boolean!, $withMetrics: Boolean!) {
    updateCoupon(input: $input) {
      ...CouponFields
    }
  }
`);

export const TerminateCouponDocument = graphql(`
  mutation TerminateCoupon($input: CouponIdInput!) {
    terminateCoupon(input: $input) {
      id
      status
      terminatedAt
    }
  }
`);

export const DestroyCouponDocument = graphql(`
  mutation DestroyCoupon($input: CouponIdInput!) {
    destroyCoupon(input: $input) {
      id
    }
  }
`);
