import{o as e}from"./index-BXS-dpZZ.js";import{n as t}from"./format-B5t8BnP_.js";import{i as n,r}from"./money-CDJBJhyX.js";var i=e(`
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
`),a=e(`
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
`),o=e(`
  mutation CreateAppliedCoupon($input: CreateAppliedCouponInput!) {
    createAppliedCoupon(input: $input) {
      id
      status
    }
  }
`),s=e(`
  mutation TerminateAppliedCoupon($id: ID!) {
    terminateAppliedCoupon(input: { id: $id }) {
      id
      status
      terminatedAt
    }
  }
`);e(`
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
`);var c=e(`
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
`),l=e(`
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
`),u=e(`
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
`),d=e(`
  mutation CreateCoupon($input: CreateCouponInput!, $withPlans: Boolean!, $withMetrics: Boolean!) {
    createCoupon(input: $input) {
      ...CouponFields
    }
  }
`),f=e(`
  mutation UpdateCoupon($input: UpdateCouponInput!, $withPlans: Boolean!, $withMetrics: Boolean!) {
    updateCoupon(input: $input) {
      ...CouponFields
    }
  }
`),p=e(`
  mutation TerminateCoupon($input: CouponIdInput!) {
    terminateCoupon(input: $input) {
      id
      status
      terminatedAt
    }
  }
`),m=e(`
  mutation DestroyCoupon($input: CouponIdInput!) {
    destroyCoupon(input: $input) {
      id
    }
  }
`),h={FIXED_AMOUNT:`Fixed amount`,PERCENTAGE:`Percentage`},g={ONCE:`Once`,RECURRING:`Recurring`,FOREVER:`Forever`},_={ACTIVE:`Active`,TERMINATED:`Terminated`},v={ACTIVE:`teal.9`,TERMINATED:`gray.7`},y={ACTIVE:`Active`,TERMINATED:`Terminated`,EXPIRED:`Expired`};function b(e){return e.couponType===`PERCENTAGE`?`${r(e.percentageRate??`0`)} % off`:`${n(e.amountCents??0,e.amountCurrency??`EUR`)} off`}function x(e){return e.frequency===`RECURRING`?`Recurring, ${e.frequencyDuration??0} periods`:g[e.frequency]}function S(e){return e.expiration===`TIME_LIMIT`&&e.expirationAt?`Until ${t(e.expirationAt)}`:`No expiry`}export{s as _,h as a,b as c,u as d,c as f,m as g,i as h,_ as i,a as l,d as m,g as n,S as o,o as p,v as r,x as s,y as t,l as u,p as v,f as y};