// The organization's settings: what the Settings screen reads (organization:view) and its one
// mutation, updateOrganization (organization:update).
import { graphql } from "../gql";

export const OrganizationSettingsDocument = graphql(`
  query OrganizationSettings {
    organization {
      id
      name
      defaultCurrency
      timezone
      billingEmail
      netPaymentTerm
      invoiceGracePeriod
      updatedAt
      creditNoteThresholdLooseningDelaySeconds
      creditNoteApprovalThresholds {
        currency
        amountCents
        pendingAmountCents
        effectiveAt
      }
    }
  }
`);

export const UpdateOrganizationDocument = graphql(`
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) {
      id
      name
      defaultCurrency
      timezone
      billingEmail
      netPaymentTerm
      invoiceGracePeriod
      updatedAt
      creditNoteThresholdLooseningDelaySeconds
      creditNoteApprovalThresholds {
        currency
        amountCents
        pendingAmountCents
        effectiveAt
      }
    }
  }
`);
