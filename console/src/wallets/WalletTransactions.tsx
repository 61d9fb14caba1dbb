// One wallet's transactions, newest first: credits in and out, paid (a purchase invoice, pending
// until paid), granted, or used on invoices; amounts in integer minor units via ../money.ts.
import { Alert, Loader, Table, Text } from "@mantine/core";
import { useMemo } from "react";
import { useQuery } from "urql";

import { errorMessage, formatDateTime } from "../format";
import { WalletTransactionsDocument } from "../graphql/wallets";
import { formatDecimal, formatMinor } from "../money";
import { SOURCE_LABEL, TRANSACTION_STATUS_LABEL, TRANSACTION_TYPE_LABEL } from "./labels";

const SHOWN = 50;

export function WalletTransactions({ walletId, walletName, currency }: { readonly walletId: string; readonly walletName: string; readonly currency: string }) {
  // a top-up answers with the Wallet: naming it reloads this list too
  const context = useMemo(() => ({ additionalTypenames: ["Wallet", "WalletTransaction"] }), []);
  const [{ data, fetching, error }] = useQuery({ query: WalletTransactionsDocument, variables: { walletId, limit: SHOWN }, context });
  if (fetching && !data) return <Loader size="sm" aria-label={`Loading the transactions of ${walletName}`} />;
  const page = data?.walletTransactions;
  if (!page) {
    return (
      <Alert color="red" role="alert" title="The transactions could not be loaded">
        {error ? errorMessage(error) : "Try again."}
      </Alert>
    );
  }
  if (page.collection.length === 0) return <Text size="sm">No transaction yet.</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table striped aria-label={`Transactions of ${walletName}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Date</Table.Th>
              <Table.Th scope="col">Direction</Table.Th>
              <Table.Th scope="col">Source</Table.Th>
              <Table.Th scope="col">Credits</Table.Th>
              <Table.Th scope="col">Amount</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.collection.map((transaction) => (
              <Table.Tr key={transaction.id}>
                <Table.Td>{formatDateTime(transaction.createdAt)}</Table.Td>
                <Table.Td>{TRANSACTION_TYPE_LABEL[transaction.transactionType]}</Table.Td>
                <Table.Td>{SOURCE_LABEL[transaction.source]}</Table.Td>
                <Table.Td>{formatDecimal(transaction.creditAmount)}</Table.Td>
                <Table.Td>{formatMinor(transaction.amountCents, currency)}</Table.Td>
                <Table.Td>
                  {TRANSACTION_STATUS_LABEL[transaction.status]}
                  {transaction.settledAt ? `, ${formatDateTime(transaction.settledAt)}` : ""}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {page.metadata.totalCount > page.collection.length && (
        <Text size="sm" c="dimmed">
          The {page.collection.length} latest of {page.metadata.totalCount} transactions.
        </Text>
      )}
    </>
  );
}
