// The inputs of a coupon's form; each problem the graph names shows at its input.
import { Group, MultiSelect, Radio, Stack, Checkbox, TextInput, Textarea } from "@mantine/core";

import type { CouponDraft } from "./draft";

export interface Option {
  readonly value: string;
  readonly label: string;
}

export function CouponFields({
  draft,
  fields,
  disabled,
  plans,
  metrics,
  change,
}: {
  readonly draft: CouponDraft;
  readonly fields: Record<string, string>;
  readonly disabled: boolean;
  /** The plans and billable metrics it may be limited to (null: the member may not see them). */
  readonly plans: readonly Option[] | null;
  readonly metrics: readonly Option[] | null;
  readonly change: (next: Partial<CouponDraft>) => void;
}) {
  return (
    <Stack gap="sm" maw={640}>
      <TextInput label="Name" value={draft.name} disabled={disabled} error={fields["name"]} onChange={(e) => change({ name: e.currentTarget.value })} />
      <TextInput label="Code" value={draft.code} disabled={disabled} error={fields["code"]} onChange={(e) => change({ code: e.currentTarget.value })} />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        value={draft.description}
        disabled={disabled}
        error={fields["description"]}
        onChange={(e) => change({ description: e.currentTarget.value })}
      />
      <Radio.Group label="Type" value={draft.couponType} error={fields["couponType"]} onChange={(v) => change({ couponType: v })}>
        <Group mt={6}>
          <Radio value="FIXED_AMOUNT" label="Fixed amount" disabled={disabled} />
          <Radio value="PERCENTAGE" label="Percentage" disabled={disabled} />
        </Group>
      </Radio.Group>
      {draft.couponType === "FIXED_AMOUNT" ? (
        <Group align="flex-start" grow>
          <TextInput
            label="Amount off"
            description="In the currency's major unit: 12.50"
            inputMode="decimal"
            value={draft.amount}
            disabled={disabled}
            error={fields["amountCents"]}
            onChange={(e) => change({ amount: e.currentTarget.value })}
          />
          <TextInput
            label="Currency"
            description="ISO 4217 code"
            maxLength={3}
            value={draft.currency}
            disabled={disabled}
            error={fields["amountCurrency"]}
            onChange={(e) => change({ currency: e.currentTarget.value.toUpperCase() })}
          />
        </Group>
      ) : (
        <TextInput
          label="Rate (%)"
          description="Percent off, as a decimal: 12.5"
          inputMode="decimal"
          value={draft.rate}
          disabled={disabled}
          error={fields["percentageRate"] ?? fields["amountCents"]}
          onChange={(e) => change({ rate: e.currentTarget.value })}
        />
      )}
      <Radio.Group label="Frequency" value={draft.frequency} error={fields["frequency"]} onChange={(v) => change({ frequency: v })}>
        <Group mt={6}>
          <Radio value="ONCE" label="Once" disabled={disabled} />
          <Radio value="RECURRING" label="Recurring" disabled={disabled} />
          <Radio value="FOREVER" label="Forever" disabled={disabled} />
        </Group>
      </Radio.Group>
      {draft.frequency === "RECURRING" && (
        <TextInput
          label="Duration (billing periods)"
          inputMode="numeric"
          value={draft.duration}
          disabled={disabled}
          error={fields["frequencyDuration"]}
          onChange={(e) => change({ duration: e.currentTarget.value })}
        />
      )}
      <Checkbox
        label="Reusable"
        description="One customer may have it more than once"
        checked={draft.reusable}
        disabled={disabled}
        onChange={(e) => change({ reusable: e.currentTarget.checked })}
      />
      <Radio.Group label="Expiry" value={draft.expiration} error={fields["expiration"]} onChange={(v) => change({ expiration: v })}>
        <Group mt={6}>
          <Radio value="NO_EXPIRATION" label="No expiry" disabled={disabled} />
          <Radio value="TIME_LIMIT" label="Until a date" disabled={disabled} />
        </Group>
      </Radio.Group>
      {draft.expiration === "TIME_LIMIT" && (
        <TextInput
          label="Last day (UTC)"
          description="It can be applied until the end of this day"
          type="date"
          value={draft.expiresOn}
          disabled={disabled}
          error={fields["expirationAt"]}
          onChange={(e) => change({ expiresOn: e.currentTarget.value })}
        />
      )}
      {(plans !== null || metrics !== null) && (
        <Radio.Group label="Limited to" value={draft.limit} onChange={(v) => change({ limit: v })}>
          <Group mt={6}>
            <Radio value="NONE" label="No limit" disabled={disabled} />
            {plans !== null && <Radio value="PLANS" label="Some plans" disabled={disabled} />}
            {metrics !== null && <Radio value="METRICS" label="Some billable metrics" disabled={disabled} />}
          </Group>
        </Radio.Group>
      )}
      {draft.limit === "PLANS" && plans !== null && (
        <MultiSelect
          searchable
          label="Plans"
          data={[...plans]}
          value={[...draft.planIds]}
          disabled={disabled}
          error={fields["planIds"]}
          onChange={(planIds) => change({ planIds })}
        />
      )}
      {draft.limit === "METRICS" && metrics !== null && (
        <MultiSelect
          searchable
          label="Billable metrics"
          data={[...metrics]}
          value={[...draft.metricIds]}
          disabled={disabled}
          error={fields["billableMetricIds"]}
          onChange={(metricIds) => change({ metricIds })}
        />
      )}
    </Stack>
  );
}
