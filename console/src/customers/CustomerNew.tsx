// A new customer (`/customers/new`, customers:create): name, external id (what subscriptions and
// usage events name it by), email, the currency it is billed in (empty: its first subscription's) and
// its timezone (empty: the organization's). The graph's validation errors show at their inputs; on
// success, the customer's page.
import { Alert, Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useMutation } from "urql";

import { DetailFrame, refusal, unplaced } from "../catalogue/Detail";
import { validationFields } from "../format";
import { CreateCustomerDocument } from "../graphql/customers";
import { useDocumentTitle } from "../shell/title";
import { Opening, useOpenCreated } from "../shell/opening";

const CURRENCIES: readonly string[] = Intl.supportedValuesOf("currency");
const KNOWN = ["name", "externalId", "email", "currency", "timezone"];
const LIST = { to: "/customers", label: "Customers" };

/** A typed text as the graph's optional input: null when left empty. */
function optional(typed: string): string | null {
  const trimmed = typed.trim();
  return trimmed === "" ? null : trimmed;
}

export default function CustomerNew() {
  const { opening, open } = useOpenCreated();
  const [name, setName] = useState("");
  const [externalId, setExternalId] = useState("");
  const [email, setEmail] = useState("");
  const [currency, setCurrency] = useState<string | null>(null);
  const [timezone, setTimezone] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [creation, create] = useMutation(CreateCustomerDocument);
  useDocumentTitle("New customer");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFields({});
    setProblem(null);
    const result = await create({
      input: {
        name: name.trim(),
        externalId: externalId.trim(),
        email: optional(email),
        currency,
        timezone: optional(timezone),
      },
    });
    if (result.error) {
      const invalid = validationFields(result.error);
      setFields(invalid);
      setProblem(refusal(result.error, invalid) ?? (unplaced(invalid, KNOWN).join("; ") || null));
      return;
    }
    const created = result.data?.createCustomer;
    if (created) open(`/customers/${created.id}`);
  }

  if (opening) return <Opening noun="customer" />;

  return (
    <DetailFrame list={LIST} title="New customer" crumb="New customer">
      <form noValidate onSubmit={(event) => void submit(event)}>
        <Stack gap="sm" maw={560}>
          <TextInput label="Name" withAsterisk value={name} error={fields["name"]} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput
            label="External id"
            withAsterisk
            description="Your system's id of the customer: integrations and usage name it"
            value={externalId}
            error={fields["externalId"]}
            onChange={(e) => setExternalId(e.currentTarget.value)}
          />
          <TextInput label="Email" type="email" value={email} error={fields["email"]} onChange={(e) => setEmail(e.currentTarget.value)} />
          <Select
            label="Currency"
            description="Empty: the currency of its first subscription"
            w={260}
            searchable
            clearable
            data={CURRENCIES}
            value={currency}
            error={fields["currency"]}
            onChange={setCurrency}
          />
          <TextInput
            label="Timezone"
            description="An IANA name such as Europe/Paris. Empty: the organization's"
            w={320}
            value={timezone}
            error={fields["timezone"]}
            onChange={(e) => setTimezone(e.currentTarget.value)}
          />
          {problem !== null && (
            <Alert color="red" role="alert" title="Not created">
              {problem}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={creation.fetching}>
              Create customer
            </Button>
            <Button component={Link} to="/customers" variant="default">
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </DetailFrame>
  );
}
