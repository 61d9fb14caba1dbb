// The customer's wallets tab: each wallet (name, rate, balance in credits and in money, what was
// consumed, status, expiry) with its transactions, and the actions ./actions.ts allows: create one,
// top up (paid credits), grant (free credits), terminate (after a confirmation).
import { Alert, Badge, Button, Card, Center, Group, Loader, Modal, Notification, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState, type ReactNode } from "react";
import { useMutation, useQuery } from "urql";

import type { CustomerTabProps } from "../customers/tabs";
import { errorMessage, formatDate, formatDateTime } from "../format";
import type { CustomerWalletsQuery } from "../gql/graphql";
import { CustomerWalletsDocument, TerminateCustomerWalletDocument } from "../graphql/wallets";
import { formatDecimal, formatMinor } from "../money";
import { useSignedIn } from "../session/SessionProvider";
import { canCreate, canGrant, canTerminate, canTopUp } from "./actions";
import { CreateWalletModal } from "./CreateWalletModal";
import { formatRate } from "./credits";
import { STATUS_COLOR, STATUS_LABEL } from "./labels";
import { WalletCreditsModal, type CreditsTarget } from "./WalletCreditsModal";
import { WalletTransactions } from "./WalletTransactions";

type Wallet = NonNullable<NonNullable<CustomerWalletsQuery["customer"]>["wallets"]>[number];

function Figure({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{children}</Text>
    </div>
  );
}

const walletName = (wallet: Wallet) => wallet.name ?? "Unnamed wallet";

export default function CustomerWallets({ customer }: CustomerTabProps) {
  const { permissions } = useSignedIn();
  // the list is empty before the first wallet: name the typename, so that creating one reloads it
  const context = useMemo(() => ({ additionalTypenames: ["Wallet"] }), []);
  const [{ data, fetching, error }, reload] = useQuery({ query: CustomerWalletsDocument, variables: { id: customer.id }, context });
  const [termination, terminate] = useMutation(TerminateCustomerWalletDocument);
  const [creating, setCreating] = useState(false);
  const [crediting, setCrediting] = useState<CreditsTarget | null>(null);
  const [confirming, setConfirming] = useState<Wallet | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (fetching && !data) {
    return (
      <Center p="xl">
        <Loader aria-label="Loading the wallets" />
      </Center>
    );
  }
  const wallets = data?.customer?.wallets;
  if (!wallets) {
    return (
      <Alert color="red" role="alert" title="The wallets could not be loaded">
        {error ? errorMessage(error) : "There is no such customer."}
      </Alert>
    );
  }
  const refresh = () => reload({ requestPolicy: "network-only" });
  const credit = (wallet: Wallet, kind: CreditsTarget["kind"]) => {
    setDone(null);
    setCrediting({ kind, walletId: wallet.id, walletName: walletName(wallet), rateAmount: wallet.rateAmount, currency: wallet.currency });
  };

  function confirmTermination(wallet: Wallet) {
    void terminate({ id: wallet.id }).then((result) => {
      refresh(); // refused (terminated meanwhile?) or not: show what is now
      if (result.error) return;
      setConfirming(null);
      setDone(`${walletName(wallet)} is terminated.`);
    });
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">
          Wallets
        </Title>
        {canCreate(wallets, permissions) && (
          <Button
            onClick={() => {
              setDone(null);
              setCreating(true);
            }}
          >
            Create a wallet
          </Button>
        )}
      </Group>
      {done !== null && (
        <Notification color="green" title="Done" role="status" withBorder onClose={() => setDone(null)} closeButtonProps={{ "aria-label": "Dismiss" }}>
          {done}
        </Notification>
      )}
      {wallets.length === 0 && <Text>This customer has no wallet.</Text>}
      {wallets.map((wallet) => {
        const name = walletName(wallet);
        const money = (cents: string | number) => formatMinor(cents, wallet.currency);
        const mayTopUp = canTopUp(wallet, permissions);
        const mayGrant = canGrant(wallet, permissions);
        const mayTerminate = canTerminate(wallet, permissions);
        return (
          <Card key={wallet.id} withBorder component="section" aria-label={`Wallet ${name}`}>
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start">
                <Group gap="sm">
                  <Title order={3} size="h4">
                    {name}
                  </Title>
                  <Badge color={STATUS_COLOR[wallet.status]} variant="filled">
                    {STATUS_LABEL[wallet.status]}
                  </Badge>
                </Group>
                {(mayTopUp || mayGrant || mayTerminate) && (
                  <Group gap="xs" role="group" aria-label={`Actions on ${name}`}>
                    {mayTopUp && (
                      <Button size="xs" onClick={() => credit(wallet, "paid")}>
                        Top up
                      </Button>
                    )}
                    {mayGrant && (
                      <Button size="xs" variant="outline" onClick={() => credit(wallet, "granted")}>
                        Grant credits
                      </Button>
                    )}
                    {mayTerminate && (
                      <Button
                        size="xs"
                        color="red.9"
                        variant="outline"
                        onClick={() => {
                          setDone(null);
                          setConfirming(wallet);
                        }}
                      >
                        Terminate
                      </Button>
                    )}
                  </Group>
                )}
              </Group>
              <SimpleGrid cols={{ base: 2, md: 4 }}>
                <Figure label="Balance (credits)">{formatDecimal(wallet.creditsBalance)}</Figure>
                <Figure label="Balance (amount)">{money(wallet.balanceCents)}</Figure>
                <Figure label="Rate (one credit)">{formatRate(wallet.rateAmount, wallet.currency)}</Figure>
                <Figure label="Consumed">
                  {formatDecimal(wallet.consumedCredits)} credits, {money(wallet.consumedAmountCents)}
                </Figure>
                <Figure label="Created">{formatDateTime(wallet.createdAt)}</Figure>
                <Figure label="Expires">{wallet.expirationAt ? formatDate(wallet.expirationAt) : "Never"}</Figure>
                {wallet.terminatedAt && <Figure label="Terminated">{formatDateTime(wallet.terminatedAt)}</Figure>}
              </SimpleGrid>
              <Title order={4} size="h5">
                Transactions
              </Title>
              <WalletTransactions walletId={wallet.id} walletName={name} currency={wallet.currency} />
            </Stack>
          </Card>
        );
      })}
      <CreateWalletModal
        opened={creating}
        customer={customer}
        currency={data.customer?.currency ?? customer.currency}
        onClose={() => setCreating(false)}
        onCreated={(name) => {
          setCreating(false);
          setDone(`${name} was created for ${customer.name}.`);
          refresh();
        }}
      />
      <WalletCreditsModal
        target={crediting}
        onClose={() => setCrediting(null)}
        onDone={(target, credits) => {
          setCrediting(null);
          setDone(
            target.kind === "paid"
              ? `${credits} paid credits were invoiced for ${target.walletName}; they land once paid.`
              : `${credits} credits were granted to ${target.walletName}.`,
          );
          refresh();
        }}
      />
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? `Terminate ${walletName(confirming)}` : "Terminate the wallet"}
        closeButtonProps={{ "aria-label": "Close" }}
      >
        {confirming !== null && (
          <Stack>
            <Text>
              No more top-ups or consumption: the {formatDecimal(confirming.creditsBalance)} credits left stay visible but are no longer spent.
            </Text>
            {termination.error && (
              <Alert color="red" role="alert" title="The wallet was not terminated">
                {errorMessage(termination.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>
                Cancel
              </Button>
              <Button color="red.9" loading={termination.fetching} onClick={() => confirmTermination(confirming)}>
                Terminate wallet
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
