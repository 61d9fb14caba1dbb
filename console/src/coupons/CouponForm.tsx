// A coupon (/coupons/new, /coupons/:id): its type and amount or rate, how often it applies, its
// expiry, the plans or billable metrics it is limited to; terminate (no new customer may get it) and
// destroy, each with its consequence said before the click.
import { Alert, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { ConfirmAction } from "../catalogue/Destroy";
import { DetailFrame, DetailState, refusal, unplaced } from "../catalogue/Detail";
import { formatDateTime, validationFields } from "../format";
import {
  CouponDocument,
  CouponTargetsDocument,
  CreateCouponDocument,
  DestroyCouponDocument,
  TerminateCouponDocument,
  UpdateCouponDocument,
} from "../graphql/coupons";
import { useSignedIn } from "../session/SessionProvider";
import { useDocumentTitle } from "../shell/title";
import { canCreateCoupon, canDeleteCoupon, canSeeMetrics, canSeePlans, canTerminateCoupon, canUpdateCoupon } from "./actions";
import { CouponFields } from "./CouponFields";
import { EMPTY_COUPON, draftOf, toInput, type CouponDraft } from "./draft";
import { COUPON_STATUS_LABEL } from "./labels";
import { Opening, useOpenCreated } from "../shell/opening";

const KNOWN = [
  "name",
  "code",
  "description",
  "couponType",
  "amountCents",
  "amountCurrency",
  "percentageRate",
  "frequency",
  "frequencyDuration",
  "expiration",
  "expirationAt",
  "planIds",
  "billableMetricIds",
];
const LIST = { to: "/coupons", label: "Coupons" };

export default function CouponForm() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { opening, open } = useOpenCreated();
  const { permissions } = useSignedIn();
  const withPlans = canSeePlans(permissions);
  const withMetrics = canSeeMetrics(permissions);
  const scope = { withPlans, withMetrics };
  const [{ data, fetching, error }, refetch] = useQuery({ query: CouponDocument, variables: { id: id ?? "", ...scope }, pause: !id });
  // one request per screen: a coupon's page reads what it may be limited to with it, a new one alone
  const [targets] = useQuery({ query: CouponTargetsDocument, variables: scope, pause: Boolean(id) || (!withPlans && !withMetrics) });
  const choices = id ? data : targets.data;
  const coupon = id ? data?.coupon : undefined;
  const [edited, setEdited] = useState<CouponDraft | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [creation, create] = useMutation(CreateCouponDocument);
  const [update, save] = useMutation(UpdateCouponDocument);
  const [, terminate] = useMutation(TerminateCouponDocument);
  const [, destroy] = useMutation(DestroyCouponDocument);
  useDocumentTitle(coupon ? `Coupon ${coupon.name}` : id ? "Coupon" : "New coupon");

  if (opening) return <Opening noun="coupon" />;
  if (id) {
    const state = DetailState({ fetching, error, found: Boolean(coupon), noun: "coupon", list: LIST });
    if (state) return state;
  }
  const editable = coupon ? canUpdateCoupon(coupon, permissions) : canCreateCoupon(permissions);
  const draft = edited ?? (coupon ? draftOf(coupon) : EMPTY_COUPON);
  const change = (next: Partial<CouponDraft>) => {
    setSaved(false);
    setEdited({ ...draft, ...next });
  };

  async function submit() {
    setProblem(null);
    const built = toInput(draft, { plans: withPlans, metrics: withMetrics });
    if ("fields" in built) {
      setFields(built.fields);
      return;
    }
    setFields({});
    const result = coupon
      ? await save({ input: { id: coupon.id, ...built.input }, ...scope })
      : await create({ input: built.input, ...scope });
    if (result.error) {
      const invalid = validationFields(result.error);
      setFields(invalid);
      setProblem(refusal(result.error, invalid) ?? (unplaced(invalid, KNOWN).join("; ") || null));
      return;
    }
    setEdited(null);
    setSaved(true);
    if (!coupon && result.data && "createCoupon" in result.data && result.data.createCoupon) open(`/coupons/${result.data.createCoupon.id}`);
  }

  const actions = coupon && (
    <>
      {canTerminateCoupon(coupon, permissions) && (
        <ConfirmAction
          label="Terminate coupon"
          title={`Terminate ${coupon.name}`}
          consequence="No new customer may be given the coupon from now on; customers who have it keep it until it runs out. A terminated coupon cannot be changed."
          confirm="Terminate"
          run={() => terminate({ input: { id: coupon.id } })}
          onDone={() => {
            setEdited(null);
            refetch({ requestPolicy: "network-only" });
          }}
        />
      )}
      {canDeleteCoupon(permissions) && (
        <ConfirmAction
          label="Destroy coupon"
          title={`Destroy ${coupon.name}`}
          consequence={`The coupon is hidden from now on: it can no longer be given to a customer, and its code “${coupon.code}” is freed for a new coupon. Coupons already applied to customers are not removed.`}
          confirm="Destroy"
          run={() => destroy({ input: { id: coupon.id } })}
          onDone={() => void navigate("/coupons")}
        />
      )}
    </>
  );
  const plans = withPlans ? (choices?.plans?.collection ?? []).map((p) => ({ value: p.id, label: p.name })) : null;
  const metrics = withMetrics ? (choices?.billableMetrics?.collection ?? []).map((m) => ({ value: m.id, label: m.name })) : null;

  return (
    <DetailFrame list={LIST} title={coupon ? `Coupon ${coupon.name}` : "New coupon"} crumb={coupon ? coupon.name : "New coupon"} actions={actions}>
      {coupon && (
        <Group gap="sm">
          <Badge variant="outline" color={coupon.status === "ACTIVE" ? "blue.8" : "dark"} size="lg">
            {COUPON_STATUS_LABEL[coupon.status]}
          </Badge>
          {coupon.terminatedAt && <Text size="sm">Terminated {formatDateTime(coupon.terminatedAt)}: it cannot be changed.</Text>}
        </Group>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <CouponFields draft={draft} fields={fields} disabled={!editable} plans={plans} metrics={metrics} change={change} />
          {coupon && editable && (
            <Text size="xs">Once the coupon is applied to a customer, its type, amount or rate and frequency cannot change (the graph refuses).</Text>
          )}
          {problem !== null && (
            <Alert color="red" role="alert" title="Not saved">
              {problem}
            </Alert>
          )}
          {editable && (
            <Group>
              <Button type="submit" loading={creation.fetching || update.fetching}>
                {coupon ? "Save coupon" : "Create coupon"}
              </Button>
              {saved && <Text role="status">Saved.</Text>}
            </Group>
          )}
        </Stack>
      </form>
    </DetailFrame>
  );
}
