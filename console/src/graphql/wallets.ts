import { graphql } from "../gql";

export const CustomerWalletsDocument = graphql(`
  query CustomerWallets($id: ID!) {
    customer(id: $id) {
      id
      currency
      wallets {
        id
        name
        currency
        rateAmount
        status
        creditsBalance
        balanceCents
        consumedCredits
        consumedAmountCents
        expirationAt
        terminatedAt
        createdAt
      }
    }
  }
`);

export const WalletTransactionsDocument = graphql(`
  query WalletTransactions($walletId: ID!, $limit: Int) {
    walletTransactions(walletId: $walletId, limit: $limit) {
      collection {
        id
        transactionType
        status
        source
        creditAmount
        amountCents
        settledAt
        createdAt
      }
      metadata {
        totalCount
      }
    }
  }
`);

export const CreateCustomerWalletDocument = graphql(`
  mutation CreateCustomerWallet($input: CreateCustomerWalletInput!) {
    createCustomerWallet(input: $input) {
      id
      status
    }
  }
`);

export const CreateCustomerWalletTransactionDocument = graphql(`
  mutation CreateCustomerWalletTransaction($input: CreateCustomerWalletTransactionInput!) {
    createCustomerWalletTransaction(input: $input) {
      id
      creditsBalance
      balanceCents
    }
  }
`);

export const TerminateCustomerWalletDocument = graphql(`
  mutation TerminateCustomerWallet($id: ID!) {
    terminateCustomerWallet(input: { id: $id }) {
      id
      status
      terminatedAt
    }
  }
`);
