// Credits added to a wallet (createCustomerWalletTransaction): paid ones (a top-up: a credit purchase
// invoice, the credits land when it is paid) or granted ones (free, at once). The credits stay the
// decimal string typed; the graph checks it and its VALIDATION_ERROR is shown at the field.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useMutation } from "urql";

import { errorMessage, validationFields } from "../format";
import type { CreateCustomerWalletTransactionInput } from "../gql/graphql";
import { CreateCustomerWalletTransactionDocument } from "../graphql/wallets";
import { formatRate, typedCredits } from "./credits";

export type CreditsKind = "paid" | "granted";

export interface CreditsTarget {
  readonly kind: CreditsKind;
  readonly walletId: string;
  readonly walletName: string;
  readonly rateAmount: string;
  readonly currency: string;
}

const TITLE: Readonly<Record<CreditsKind, string>> = { paid: "Top up", granted: "Grant credits to" };
const FIELD: Readonly<Record<CreditsKind, "paidCredits" | "grantedCredits">> = { paid: "paidCredits", granted: "grantedCredits" };

interface Props {
  readonly target: CreditsTarget | null;
  readonly onClose: () => void;
  readonly onDone: (target: CreditsTarget, credits: string) => void;
}

export function WalletCreditsModal({ target, onClose, onDone }: Props) {
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? `${TITLE[target.kind]} ${target.walletName}` : "Credits"}
      closeButtonProps={{ "aria-label": "Close" }}
    >
      {target !== null && <CreditsForm key={`${target.kind}-${target.walletId}`} target={target} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function CreditsForm({ target, onClose, onDone }: { readonly target: CreditsTarget } & Omit<Props, "target">) {
  const [adding, add] = useMutation(CreateCustomerWalletTransactionDocument);
  const [credits, setCredits] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const field = FIELD[target.kind];

  function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const typed = typedCredits(credits);
    if (typed === null) {
      setFields({ [field]: "Enter a number of credits" });
      return;
    }
    setFields({});
    const input: CreateCustomerWalletTransactionInput = { walletId: target.walletId, [field]: typed };
    void add({ input }).then((result) => {
      if (!result.error) {
        onDone(target, typed);
        return;
      }
      const given = validationFields(result.error);
      // the graph names the other kind when neither is given: both are this one input
      const message = given[field] ?? given["paidCredits"] ?? given["grantedCredits"];
      if (message !== undefined) setFields({ [field]: message });
      else setProblem(errorMessage(result.error));
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">
          {target.kind === "paid"
            ? "Paid credits are invoiced now (a credit purchase invoice) and available once the invoice is paid."
            : "Granted credits are free and available at once."}{" "}
          One credit is worth {formatRate(target.rateAmount, target.currency)}.
        </Text>
        {problem !== null && (
          <Alert color="red" role="alert" title="No credits were added">
            {problem}
          </Alert>
        )}
        <TextInput
          label={target.kind === "paid" ? "Paid credits" : "Granted credits"}
          withAsterisk
          inputMode="decimal"
          value={credits}
          error={fields[field]}
          onChange={(event) => setCredits(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={adding.fetching}>
            {target.kind === "paid" ? "Top up wallet" : "Grant credits"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
