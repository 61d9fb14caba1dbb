import{o as e}from"./index-BXS-dpZZ.js";var t=e(`
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
`),n=e(`
  query KeyRoles {
    roles {
      id
      code
      name
    }
  }
`),r=e(`
  mutation CreateApiKey($name: String!, $roles: [String!]!, $expiresAt: DateTime) {
    createApiKey(input: { name: $name, roles: $roles, expiresAt: $expiresAt }) {
      secret
      apiKey {
        id
        name
      }
    }
  }
`),i=e(`
  mutation RotateApiKey($id: ID!) {
    rotateApiKey(input: { id: $id }) {
      secret
      apiKey {
        id
        name
      }
    }
  }
`),a=e(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(input: { id: $id }) {
      id
      status
    }
  }
`),o=e(`
  query WebhookEndpoints {
    webhookEndpoints {
      id
      url
      eventTypes
      signatureAlgorithm
      createdAt
    }
  }
`),s=e(`
  mutation CreateWebhookEndpoint($url: String!, $eventTypes: [WebhookEventType!]) {
    createWebhookEndpoint(input: { url: $url, eventTypes: $eventTypes }) {
      secret
      webhookEndpoint {
        id
        url
      }
    }
  }
`),c=e(`
  mutation UpdateWebhookEndpoint($id: ID!, $url: String, $eventTypes: [WebhookEventType!]) {
    updateWebhookEndpoint(input: { id: $id, url: $url, eventTypes: $eventTypes }) {
      id
      url
      eventTypes
    }
  }
`),l=e(`
  mutation DestroyWebhookEndpoint($id: ID!) {
    destroyWebhookEndpoint(input: { id: $id }) {
      id
    }
  }
`),u=e(`
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
`),d=e(`
  mutation RetryWebhook($id: ID!) {
    retryWebhook(input: { id: $id }) {
      id
      status
      attempts
    }
  }
`),f=e(`
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
`),p=e(`
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
`);export{n as a,d as c,c as d,o as f,l as i,a as l,r as n,f as o,u as p,s as r,p as s,t,i as u};