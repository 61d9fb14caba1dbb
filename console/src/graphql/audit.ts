// The audit log: a page of entries with the graph's filters, and the actors the filter offers (the
// organization's members and API keys, each only when the member may read them).
import { graphql } from "../gql";

export const AuditLogsDocument = graphql(`
  query AuditLogs(
    $page: Int
    $limit: Int
    $operation: String
    $objectType: String
    $objectId: ID
    $actorUserId: ID
    $actorApiKeyId: ID
    $fromTime: DateTime
    $toTime: DateTime
    $withUser: Boolean!
  ) {
    auditLogs(
      page: $page
      limit: $limit
      operation: $operation
      objectType: $objectType
      objectId: $objectId
      actorUserId: $actorUserId
      actorApiKeyId: $actorApiKeyId
      fromTime: $fromTime
      toTime: $toTime
    ) {
      collection {
        id
        createdAt
        operation
        objectType
        objectId
        actorType
        actorUserId
        actorApiKeyId
        requestId
        changes
        actorUser @include(if: $withUser) {
          id
          email
        }
      }
      metadata {
        currentPage
        limitValue
        totalCount
        totalPages
      }
    }
  }
`);

export const AuditActorsDocument = graphql(`
  query AuditActors($withMembers: Boolean!, $withKeys: Boolean!) {
    organization @include(if: $withMembers) {
      id
      members {
        id
        user {
          id
          email
        }
      }
    }
    apiKeys @include(if: $withKeys) {
      id
      name
      prefix
    }
  }
`);
