// The actions on a subscription that ./actions.ts allows, each in a modal that says what will happen:
// change plan (changeSubscriptionPlan: an upgrade at once, a downgrade at the end of the period), set
// an end date (updateSubscription), terminate (terminateSubscription). The graph's problems show at
// their input, or in the modal's alert; the page hears of each success.
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent, type ReactNode } from "react";
import { useMutation, useQuery } from "urql";

import { errorMessage, formatDate, validationFields } from "../format";
import type { PlanInterval, SubscriptionStatus } from "../gql/graphql";
import {
  ChangePlanChoicesDocument,
  ChangeSubscriptionPlanDocument,
  TerminateSubscriptionDocument,
  UpdateSubscriptionDocument,
} from "../graphql/subscriptions";
import { formatMinor } from "../money";
import type { SubscriptionAction } from "./actions";
import { INTERVAL_LABEL } from "./labels";
import { dayToDateTime, isDay } from "./dates";

export interface ActedOn {
  readonly id: string;
  readonly label: string;
  readonly status: SubscriptionStatus;
  readonly endingAt: string | null | undefined;
  readonly periodEnd: string | null;
  /** The plan it is on (and the catalogue plan, for a negotiated copy): neither is offered. */
  readonly planIds: readonly string[];
  readonly plan: { readonly amountCents: string | number; readonly interval: PlanInterval };
}

export interface Done {
  readonly message: string;
  /** The subscription to show next (a plan change made now starts a new one). */
  readonly goTo?: string;
}

interface ModalProps {
  readonly subscription: ActedOn;
  readonly onClose: () => void;
  readonly onDone: (done: Done) => void;
}

const YEARLY: Readonly<Record<PlanInterval, bigint>> = { WEEKLY: 52n, MONTHLY: 12n, QUARTERLY: 4n, YEARLY: 1n };

/** As the graph decides: a plan as dear or dearer per year is an upgrade (integer minor units). */
export function isUpgrade(from: ActedOn["plan"], to: ActedOn["plan"]): boolean {
  return BigInt(to.amountCents) * YEARLY[to.interval] >= BigInt(from.amountCents) * YEARLY[from.interval];
}

function Shell({ title, onClose, children }: { readonly title: string; readonly onClose: () => void; readonly children: ReactNode }) {
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ "aria-label": "Close" }} size="lg">
      {children}
    </Modal>
  );
}

function Problem({ text }: { readonly text: string | null }) {
  if (text === null) return null;
  return (
    <Alert color="red" role="alert" title="The graph refused">
      {text}
    </Alert>
  );
}

function ChangePlan({ subscription, onClose, onDone }: ModalProps) {
  const [{ data }] = useQuery({ query: ChangePlanChoicesDocument });
  const [planId, setPlanId] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [state, change] = useMutation(ChangeSubscriptionPlanDocument);
  const choices = (data?.plans?.collection ?? []).filter((plan) => !subscription.planIds.includes(plan.id));
  const chosen = choices.find((plan) => plan.id === planId);
  const pending = subscription.status === "PENDING";
  const upgrade = chosen !== undefined && isUpgrade(subscription.plan, chosen);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) {
      setFields({ planId: "Choose a plan" });
      return;
    }
    setProblem(null);
    const result = await change({ input: { id: subscription.id, planId: chosen.id } });
    const fieldsFound = validationFields(result.error);
    setFields(fieldsFound);
    if (result.error) {
      if (fieldsFound["planId"] === undefined) setProblem(errorMessage(result.error));
      return;
    }
    const next = result.data?.changeSubscriptionPlan;
    if (!next) return;
    if (next.status === "ACTIVE" || pending) onDone({ message: `Now on ${chosen.name}.`, goTo: next.id });
    else onDone({ message: `${chosen.name} starts on ${formatDate(next.subscriptionAt)}, at the end of the current period.` });
  }

  return (
    <Shell title={`Change the plan of ${subscription.label}`} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Select
            label="New plan"
            data={choices.map((plan) => ({
              value: plan.id,
              label: `${plan.name} — ${formatMinor(plan.amountCents, plan.amountCurrency)} per ${INTERVAL_LABEL[plan.interval]}`,
            }))}
            value={planId}
            error={fields["planId"]}
            onChange={setPlanId}
            data-autofocus
          />
          {chosen && (
            <Text size="sm">
              {pending
                ? "The subscription has not started: it is replaced by one on this plan, starting on the same date."
                : upgrade
                  ? "An upgrade (as dear or dearer per year): the change happens now. The current subscription ends today and its last invoice bills the time used."
                  : `A downgrade: the change waits for the end of the current period${subscription.periodEnd ? ` (${formatDate(subscription.periodEnd)})` : ""}; until then nothing changes.`}{" "}
              The new plan’s catalogue prices apply (negotiated prices do not carry over).
            </Text>
          )}
          <Problem text={problem} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={state.fetching}>
              {chosen && !pending && !upgrade ? "Schedule the downgrade" : "Change plan"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Shell>
  );
}

function SetEndDate({ subscription, onClose, onDone }: ModalProps) {
  const [day, setDay] = useState(subscription.endingAt ? subscription.endingAt.slice(0, 10) : "");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [state, update] = useMutation(UpdateSubscriptionDocument);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    if (!isDay(day)) {
      setFields({ endingAt: "Enter a date" });
      return;
    }
    const result = await update({ input: { id: subscription.id, endingAt: dayToDateTime(day) } });
    const found = validationFields(result.error);
    setFields(found);
    if (result.error) {
      if (found["endingAt"] === undefined) setProblem(errorMessage(result.error));
      return;
    }
    onDone({ message: `${subscription.label} ends on ${formatDate(day)}.` });
  }

  return (
    <Shell title={`Set an end date for ${subscription.label}`} onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput
            label="End date"
            description="The subscription ends at the start of this day (UTC): its last invoice bills up to then."
            type="date"
            value={day}
            error={fields["endingAt"]}
            onChange={(event) => setDay(event.currentTarget.value)}
            data-autofocus
          />
          <Problem text={problem} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={state.fetching}>
              Save end date
            </Button>
          </Group>
        </Stack>
      </form>
    </Shell>
  );
}

function Terminate({ subscription, onClose, onDone }: ModalProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const [state, terminate] = useMutation(TerminateSubscriptionDocument);
  const pending = subscription.status === "PENDING";

  async function confirm() {
    setProblem(null);
    const result = await terminate({ input: { id: subscription.id } });
    if (result.error) {
      setProblem(errorMessage(result.error));
      return;
    }
    onDone({ message: pending ? `${subscription.label} was canceled.` : `${subscription.label} was terminated.` });
  }

  return (
    <Shell title={`Terminate ${subscription.label}`} onClose={onClose}>
      <Stack>
        <Text>
          {pending
            ? "The subscription has not started: it is canceled now and never bills."
            : "The subscription ends now: a last invoice bills the time used up to now, and any fee paid in advance for the rest of the period is credited back. A plan change scheduled for it is canceled."}{" "}
          This cannot be undone.
        </Text>
        <Problem text={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep the subscription
          </Button>
          <Button color="red.9" loading={state.fetching} onClick={() => void confirm()}>
            {pending ? "Cancel the subscription" : "Terminate now"}
          </Button>
        </Group>
      </Stack>
    </Shell>
  );
}

export function ActionModal({ action, ...props }: ModalProps & { readonly action: SubscriptionAction }) {
  if (action === "changePlan") return <ChangePlan {...props} />;
  if (action === "setEndDate") return <SetEndDate {...props} />;
  return <Terminate {...props} />;
}
