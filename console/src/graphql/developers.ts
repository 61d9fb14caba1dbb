// Developers: API keys (issued, rotated, revoked; the secret comes back once), webhook endpoints (the
// signing secret once), the delivery log with its retry, and the latest usage events.
import { graphql } from "../gql";

export const ApiKeysDocument = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      prefix
      status
      expiresAt
      revokedAt
      rotatedAt
      lastUsedAt
      createdAt
      roles {
        id
        code
        name
      }
    }
  }
`);

export const KeyRolesDocument = graphql(`
  query KeyRoles {
    roles {
      id
      code
      name
    }
  }
`);

export const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($name: String!, $roles: [String!]!, $expiresAt: DateTime) {
    createApiKey(input: { name: $name, roles: $roles, expiresAt: $expiresAt }) {
      secret
      apiKey {
        id
        name
      }
    }
  }
`);

export const RotateApiKeyDocument = graphql(`
  mutation RotateApiKey($id: ID!) {
    rotateApiKey(input: { id: $id }) {
      secret
      apiKey {
        id
        name
      }
    }
  }
`);

export const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(input: { id: $id }) {
      id
      status
    }
  }
`);

export const WebhookEndpointsDocument = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      id
      url
      eventTypes
      signatureAlgorithm
      createdAt
    }
  }
`);

export const CreateWebhookEndpointDocument = graphql(`
  mutation CreateWebhookEndpoint($url: String!, $eventTypes: [WebhookEventType!]) {
    createWebhookEndpoint(input: { url: $url, eventTypes: $eventTypes }) {
      secret
      webhookEndpoint {
        id
        url
      }
    }
  }
`);

export const UpdateWebhookEndpointDocument = graphql(`
  mutation UpdateWebhookEndpoint($id: ID!, $url: String, $eventTypes: [WebhookEventType!]) {
    updateWebhookEndpoint(input: { id: $id, url: $url, eventTypes: $eventTypes }) {
      id
      url
      eventTypes
    }
  }
`);

export const DestroyWebhookEndpointDocument = graphql(`
  mutation DestroyWebhookEndpoint($id: ID!) {
    destroyWebhookEndpoint(input: { id: $id }) {
      id
    }
  }
`);

export const WebhooksDocument = graphql(`
  query Webhooks($page: Int, $limit: Int, $status: [WebhookStatus!]) {
    webhooks(page: $page, limit: $limit, status: $status) {
      collection {
        id
        endpointId
        eventType
        objectType
        objectId
        status
        attempts
        nextAttemptAt
        lastAttemptAt
        lastResponseCode
        lastError
        deliveredAt
        createdAt
        payload
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

export const RetryWebhookDocument = graphql(`
  mutation RetryWebhook($id: ID!) {
    retryWebhook(input: { id: $id }) {
      id
      status
      attempts
    }
  }
`);

export const RecentEventsDocument = graphql(`
  query RecentEvents($page: Int, $limit: Int, $code: String, $externalSubscriptionId: String) {
    events(page: $page, limit: $limit, code: $code, externalSubscriptionId: $externalSubscriptionId) {
      collection {
        id
        transactionId
        externalSubscriptionId
        code
        timestamp
        properties
        createdAt
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

export const RejectedEventsDocument = graphql(`
  query RejectedEvents($page: Int, $limit: Int, $code: String, $externalSubscriptionId: String) {
    rejectedEvents(page: $page, limit: $limit, code: $code, externalSubscriptionId: $externalSubscriptionId) {
      collection {
        id
        transactionId
        externalSubscriptionId
        code
        errors
        sent
        source
        createdAt
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
