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
