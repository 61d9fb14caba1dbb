// "Apply a coupon": one of the organization's coupons, with the overrides CreateAppliedCouponInput
// allows (a fixed amount and its currency, or a percentage; the frequency and, when recurring, the
// number of periods). Empty overrides keep the coupon's own terms. The graph's VALIDATION_ERROR
// fields are shown at their inputs.
import { Alert, Button, Group, Loader, Modal, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";

import type { CustomerSummary } from "../customers/tabs";
import { errorMessage, validationFields } from "../format";
import type { CouponFrequency, CreateAppliedCouponInput } from "../gql/graphql";
import { ApplicableCouponsDocument, CreateAppliedCouponDocument } from "../graphql/coupons";
import { decimalToMinor, formatDecimal, formatMinor, minorToDecimal } from "../money";
import { FREQUENCY_LABEL, TYPE_LABEL } from "./labels";

const FREQUENCIES: readonly CouponFrequency[] = ["ONCE", "RECURRING", "FOREVER"];

interface Props {
  readonly opened: boolean;
  readonly customer: CustomerSummary;
  /** The customer's billing currency, once set. */
  readonly currency: string | null;
  readonly onClose: () => void;
  readonly onApplied: (couponName: string) => void;
}

export function ApplyCouponModal({ opened, customer, currency, onClose, onApplied }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Apply a coupon to ${customer.name}`} closeButtonProps={{ "aria-label": "Close" }} size="lg">
      {opened && <ApplyCouponForm customer={customer} currency={currency} onClose={onClose} onApplied={onApplied} />}
    </Modal>
  );
}

function ApplyCouponForm({ customer, currency, onClose, onApplied }: Omit<Props, "opened">) {
  const [{ data, fetching, error }] = useQuery({ query: ApplicableCouponsDocument });
  const [creation, create] = useMutation(CreateAppliedCouponDocument);
  const [couponId, setCouponId] = useState("");
  const [amount, setAmount] = useState("");
  const [amountCurrency, setAmountCurrency] = useState("");
  const [percentage, setPercentage] = useState("");
  const [frequency, setFrequency] = useState<CouponFrequency | "">("");
  const [duration, setDuration] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  if (fetching && !data) return <Loader aria-label="Loading the coupons to apply" />;
  const coupons = (data?.coupons?.collection ?? []).filter((coupon) => coupon.status === "ACTIVE");
  if (!data?.coupons) {
    return (
      <Alert color="red" role="alert" title="The coupons could not be loaded">
        {error ? errorMessage(error) : "Try again."}
      </Alert>
    );
  }
  if (coupons.length === 0) return <Text>The organization has no coupon that can be applied.</Text>;

  const coupon = coupons.find((c) => c.id === couponId) ?? null;
  const fixed = coupon?.couponType === "FIXED_AMOUNT";
  const moneyCurrency = amountCurrency.trim().toUpperCase() || coupon?.amountCurrency || currency || "EUR";
  const effectiveFrequency = frequency === "" ? coupon?.frequency : frequency;
  const couponAmount =
    coupon?.amountCents !== null && coupon?.amountCents !== undefined && coupon.amountCurrency
      ? formatMinor(coupon.amountCents, coupon.amountCurrency)
      : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const local: Record<string, string> = {};
    if (coupon === null) local["couponId"] = "Choose a coupon";
    const input: CreateAppliedCouponInput = { customerId: customer.id, couponId };
    if (fixed && amount.trim() !== "") {
      const minor = decimalToMinor(amount, moneyCurrency);
      if (minor === null) local["amountCents"] = `Enter an amount such as ${minorToDecimal(1250, moneyCurrency)}`;
      else input.amountCents = minor;
    }
    if (fixed && amountCurrency.trim() !== "") input.amountCurrency = amountCurrency.trim().toUpperCase();
    if (!fixed && percentage.trim() !== "") input.percentageRate = percentage.trim();
    if (frequency !== "") input.frequency = frequency;
    if (effectiveFrequency === "RECURRING" && duration.trim() !== "") {
      if (!/^\d+$/.test(duration.trim())) local["frequencyDuration"] = "Enter a whole number of periods";
      else input.frequencyDuration = Number(duration.trim());
    }
    setFields(local);
    if (Object.keys(local).length > 0 || coupon === null) return;
    const name = coupon.name;
    void create({ input }).then((result) => {
      if (!result.error) {
        onApplied(name);
        return;
      }
      const given = validationFields(result.error);
      const shown = ["couponId", "amountCents", "amountCurrency", "percentageRate", "frequency", "frequencyDuration"];
      setFields(given);
      if (!Object.keys(given).some((path) => shown.includes(path))) setProblem(errorMessage(result.error));
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {problem !== null && (
          <Alert color="red" role="alert" title="The coupon was not applied">
            {problem}
          </Alert>
        )}
        <NativeSelect
          label="Coupon"
          withAsterisk
          value={couponId}
          error={fields["couponId"]}
          onChange={(event) => {
            setCouponId(event.currentTarget.value);
            setFields({});
          }}
          data={[
            { value: "", label: "Choose a coupon" },
            ...coupons.map((c) => ({ value: c.id, label: `${c.name} (${c.code}) · ${TYPE_LABEL[c.couponType]}` })),
          ]}
        />
        {coupon !== null && fixed && (
          <Group grow align="flex-start">
            <TextInput
              label="Amount"
              description={`The coupon's: ${couponAmount ?? "none"}; empty keeps it`}
              inputMode="decimal"
              value={amount}
              error={fields["amountCents"]}
              onChange={(event) => setAmount(event.currentTarget.value)}
            />
            <TextInput
              label="Currency"
              description={`Empty keeps the coupon's (${coupon.amountCurrency ?? "none"})`}
              maxLength={3}
              value={amountCurrency}
              error={fields["amountCurrency"]}
              onChange={(event) => setAmountCurrency(event.currentTarget.value)}
            />
          </Group>
        )}
        {coupon !== null && !fixed && (
          <TextInput
            label="Percentage"
            description={`Percent off; the coupon's: ${coupon.percentageRate ? `${formatDecimal(coupon.percentageRate)} %` : "none"}; empty keeps it`}
            inputMode="decimal"
            value={percentage}
            error={fields["percentageRate"]}
            onChange={(event) => setPercentage(event.currentTarget.value)}
          />
        )}
        {coupon !== null && (
          <NativeSelect
            label="Frequency"
            value={frequency}
            error={fields["frequency"]}
            onChange={(event) => setFrequency(event.currentTarget.value as CouponFrequency | "")}
            data={[
              { value: "", label: `The coupon's (${FREQUENCY_LABEL[coupon.frequency]})` },
              ...FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABEL[f] })),
            ]}
          />
        )}
        {coupon !== null && effectiveFrequency === "RECURRING" && (
          <TextInput
            label="Number of periods"
            description={`How many billing periods it applies to; the coupon's: ${coupon.frequencyDuration ?? "none"}; empty keeps it`}
            inputMode="numeric"
            value={duration}
            error={fields["frequencyDuration"]}
            onChange={(event) => setDuration(event.currentTarget.value)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={creation.fetching}>
            Apply coupon
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
