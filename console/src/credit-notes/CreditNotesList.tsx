// Credit notes: the graph's `creditNotes` page, filterable by what the query offers (number search,
// status, reason, issuing dates, invoice, customer); the filters live in the URL.
import { Alert, Button, Group, Modal, MultiSelect, Stack, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useClient } from "urql";

import type { CreditNoteReasonEnum, CreditNoteStatus } from "../gql/graphql";
import { FindInvoiceDocument } from "../graphql/creditNotes";
import { mayOpen, ROUTES } from "../routes";
import { useSignedIn } from "../session/SessionProvider";
import { CreditNotesTable } from "./CreditNotesTable";
import { errorMessage } from "../format";
import { REASONS, STATUSES } from "./labels";

function pageFrom(value: string | null): number {
  const page = Number(value ?? "1");
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

function listed<T extends string>(params: URLSearchParams, name: string, allowed: Record<T, string>): T[] {
  return params.getAll(name).filter((value): value is T => value in allowed);
}

function NewCreditNote() {
  const client = useClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [typed, setTyped] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = typed.trim();
    if (wanted === "") {
      setProblem("Enter an invoice number or id");
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await client.query(FindInvoiceDocument, { searchTerm: wanted }, { requestPolicy: "network-only" }).toPromise();
    setBusy(false);
    if (result.error) {
      setProblem(errorMessage(result.error));
      return;
    }
    const found = result.data?.invoices?.collection.find((invoice) => invoice.number === wanted || invoice.id === wanted);
    // not found by number: the text may be an id (the wizard says if no invoice has it)
    const id = found?.id ?? (/^[0-9a-f-]{36}$/i.test(wanted) ? wanted : null);
    if (id === null) {
      setProblem(`No invoice is numbered “${wanted}”`);
      return;
    }
    void navigate(`/credit-notes/new?invoice=${encodeURIComponent(id)}`);
  }

  return (
    <>
      <Button onClick={() => setOpened(true)}>New credit note</Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="New credit note" closeButtonProps={{ "aria-label": "Close" }}>
        <form onSubmit={(event) => void submit(event)}>
          <Stack>
            <TextInput
              label="Invoice number or id"
              description="The finalized invoice to credit"
              value={typed}
              error={problem}
              onChange={(event) => setTyped(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={busy}>
                Continue
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

export default function CreditNotesList() {
  const { permissions } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params.get("page"));
  const search = params.get("q") ?? "";
  const status = listed<CreditNoteStatus>(params, "status", STATUSES);
  const reason = listed<CreditNoteReasonEnum>(params, "reason", REASONS);
  const from = params.get("from");
  const to = params.get("to");
  const [typed, setTyped] = useState(search);
  const [debounced] = useDebouncedValue(typed.trim(), 300);
  const wizard = ROUTES.find((route) => route.id === "credit-note-new");

  function update(change: (next: URLSearchParams) => void, options?: { replace: boolean }) {
    const next = new URLSearchParams(params);
    change(next);
    next.delete("page");
    setParams(next, options);
  }

  useEffect(() => {
    if (debounced === search) return;
    update((next) => (debounced === "" ? next.delete("q") : next.set("q", debounced)), { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced, search]);

  function setList(name: string, values: readonly string[]) {
    update((next) => {
      next.delete(name);
      for (const value of values) next.append(name, value);
    });
  }

  function setDate(name: string, value: string) {
    update((next) => (value === "" ? next.delete(name) : next.set(name, value)));
  }

  const invoiceId = params.get("invoice");
  const customerId = params.get("customer");

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Credit notes</Title>
        {wizard !== undefined && mayOpen(wizard, permissions) && <NewCreditNote />}
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Search credit notes"
          description="Number"
          type="search"
          w={240}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
        />
        <MultiSelect
          label="Status"
          w={260}
          data={Object.entries(STATUSES).map(([value, label]) => ({ value, label }))}
          value={status}
          onChange={(values) => setList("status", values)}
          clearable
        />
        <MultiSelect
          label="Reason"
          w={260}
          data={Object.entries(REASONS).map(([value, label]) => ({ value, label }))}
          value={reason}
          onChange={(values) => setList("reason", values)}
          clearable
        />
        <TextInput label="Issued from" type="date" value={from ?? ""} onChange={(event) => setDate("from", event.currentTarget.value)} />
        <TextInput label="Issued to" type="date" value={to ?? ""} onChange={(event) => setDate("to", event.currentTarget.value)} />
      </Group>
      {(invoiceId !== null || customerId !== null) && (
        <Alert color="blue" withCloseButton closeButtonLabel="Show all credit notes" onClose={() => update((next) => {
          next.delete("invoice");
          next.delete("customer");
        })}>
          {invoiceId !== null ? "Only the credit notes of one invoice." : "Only the credit notes of one customer."}
        </Alert>
      )}
      <CreditNotesTable
        label="Credit notes"
        empty={params.toString() === "" ? "No credit notes yet." : "No credit note matches these filters."}
        withDecisions={false}
        filters={{
          page,
          status,
          reason,
          issuingDateFrom: from,
          issuingDateTo: to,
          searchTerm: search === "" ? null : search,
          invoiceId,
          customerId,
        }}
        onPage={(target) => {
          const next = new URLSearchParams(params);
          if (target <= 1) next.delete("page");
          else next.set("page", String(target));
          setParams(next);
        }}
      />
    </Stack>
  );
}
