// "Create a wallet" (createCustomerWallet): its name, currency, the value of one credit, the first
// paid credits (a purchase invoice; they land when it is paid) and granted ones (free, at once), and
// an expiry. Credits and the rate stay the decimal strings typed; the graph checks them, and its
// VALIDATION_ERROR fields are shown at their inputs.
import { Alert, Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";

import type { CustomerSummary } from "../customers/tabs";
import { errorMessage, validationFields } from "../format";
import type { CreateCustomerWalletInput } from "../gql/graphql";
import { CreateCustomerWalletDocument } from "../graphql/wallets";
import { expiryMoment, typedCredits } from "./credits";

const SHOWN = ["name", "currency", "rateAmount", "paidCredits", "grantedCredits", "expirationAt"];

interface Props {
  readonly opened: boolean;
  readonly customer: CustomerSummary;
  readonly currency: string | null;
  readonly onClose: () => void;
  readonly onCreated: (name: string) => void;
}

export function CreateWalletModal({ opened, customer, currency, onClose, onCreated }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Create a wallet for ${customer.name}`} closeButtonProps={{ "aria-label": "Close" }} size="lg">
      {opened && <CreateWalletForm customer={customer} currency={currency} onClose={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreateWalletForm({ customer, currency, onClose, onCreated }: Omit<Props, "opened">) {
  const [creation, create] = useMutation(CreateCustomerWalletDocument);
  const [name, setName] = useState("");
  const [walletCurrency, setWalletCurrency] = useState(currency ?? "");
  const [rate, setRate] = useState("1");
  const [paid, setPaid] = useState("");
  const [granted, setGranted] = useState("");
  const [expiry, setExpiry] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const local: Record<string, string> = {};
    const input: CreateCustomerWalletInput = {
      customerId: customer.id,
      currency: walletCurrency.trim().toUpperCase(),
      rateAmount: typedCredits(rate) ?? "",
    };
    if (name.trim() !== "") input.name = name.trim();
    const paidCredits = typedCredits(paid);
    if (paidCredits !== null) input.paidCredits = paidCredits;
    const grantedCredits = typedCredits(granted);
    if (grantedCredits !== null) input.grantedCredits = grantedCredits;
    if (expiry !== "") {
      const moment = expiryMoment(expiry);
      if (moment === null) local["expirationAt"] = "Enter a date";
      else input.expirationAt = moment;
    }
    setFields(local);
    if (Object.keys(local).length > 0) return;
    void create({ input }).then((result) => {
      if (!result.error) {
        onCreated(input.name ?? "The wallet");
        return;
      }
      const given = validationFields(result.error);
      setFields(given);
      if (!Object.keys(given).some((path) => SHOWN.includes(path))) setProblem(errorMessage(result.error));
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {problem !== null && (
          <Alert color="red" role="alert" title="The wallet was not created">
            {problem}
          </Alert>
        )}
        <TextInput label="Name" description="Optional, as shown on invoices" value={name} error={fields["name"]} onChange={(event) => setName(event.currentTarget.value)} />
        <Group grow align="flex-start">
          <TextInput
            label="Currency"
            description={currency ? `The customer is billed in ${currency}` : "ISO code, such as EUR"}
            withAsterisk
            maxLength={3}
            value={walletCurrency}
            error={fields["currency"]}
            onChange={(event) => setWalletCurrency(event.currentTarget.value)}
          />
          <TextInput
            label="Rate"
            description="What one credit is worth in the currency, such as 1 or 0.5"
            withAsterisk
            inputMode="decimal"
            value={rate}
            error={fields["rateAmount"]}
            onChange={(event) => setRate(event.currentTarget.value)}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="Paid credits"
            description="Bought: invoiced now, available once paid"
            inputMode="decimal"
            value={paid}
            error={fields["paidCredits"]}
            onChange={(event) => setPaid(event.currentTarget.value)}
          />
          <TextInput
            label="Granted credits"
            description="Free: available at once"
            inputMode="decimal"
            value={granted}
            error={fields["grantedCredits"]}
            onChange={(event) => setGranted(event.currentTarget.value)}
          />
        </Group>
        <TextInput
          label="Expiry date"
          description="Optional; the wallet expires at the start of this day (UTC)"
          type="date"
          value={expiry}
          error={fields["expirationAt"]}
          onChange={(event) => setExpiry(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={creation.fetching}>
            Create wallet
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
