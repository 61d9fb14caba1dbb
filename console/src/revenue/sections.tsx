// The Revenue screen's four figures, each a RevenueSection: what its table shows (exact amounts from
// integer minor units) and what its chart draws.
import type { RevenueQuery } from "../gql/graphql";
import { formatDecimal, formatMinor } from "../money";
import { formatMonth } from "./filters";
import { RevenueSection, type Column } from "./RevenueSection";
import type { Figure } from "./series";

type Mrr = NonNullable<RevenueQuery["mrrs"]>[number];
type Gross = NonNullable<RevenueQuery["grossRevenues"]>[number];
type Usage = NonNullable<RevenueQuery["invoicedUsages"]>[number];
type Outstanding = NonNullable<RevenueQuery["outstandingInvoices"]>[number];

const count = new Intl.NumberFormat();

function month<Row extends { readonly month: string }>(): Column<Row> {
  return { header: "Month", cell: (row) => formatMonth(row.month) };
}

function currency<Row extends { readonly currency: string }>(): Column<Row> {
  return { header: "Currency", cell: (row) => row.currency };
}

function money<Row extends { readonly currency: string }>(
  header: string,
  amount: (row: Row) => string | number,
): Column<Row> {
  return { header, numeric: true, cell: (row) => formatMinor(amount(row), row.currency) };
}

const byCurrency = <Row extends { readonly month: string; readonly currency: string }>(
  amount: (row: Row) => string | number,
) =>
  (rows: readonly Row[]): Figure[] =>
    rows.map((row) => ({ month: row.month, series: row.currency, currency: row.currency, amount: amount(row) }));

const MRR_COLUMNS: readonly Column<Mrr>[] = [month(), currency(), money("MRR", (r) => r.amountCents)];
const mrrFigures = byCurrency<Mrr>((r) => r.amountCents);

export function MrrSection({ rows }: { readonly rows: readonly Mrr[] }) {
  return (
    <RevenueSection
      title="MRR"
      drawn="Monthly recurring revenue by month, a line per currency"
      kind="line"
      rows={rows}
      columns={MRR_COLUMNS}
      rowKey={(r) => `${r.month}/${r.currency}`}
      figures={mrrFigures}
      empty="No recurring revenue in these months."
    />
  );
}

const GROSS_COLUMNS: readonly Column<Gross>[] = [
  month(),
  currency(),
  { header: "Invoices", numeric: true, cell: (r) => count.format(r.invoicesCount) },
  money("Invoiced", (r) => r.invoicedAmountCents),
  money("Refunded", (r) => r.refundedAmountCents),
  money("Gross revenue", (r) => r.amountCents),
];
const grossFigures = byCurrency<Gross>((r) => r.amountCents);

export function GrossRevenueSection({ rows }: { readonly rows: readonly Gross[] }) {
  return (
    <RevenueSection
      title="Gross revenue"
      drawn="Gross revenue (finalized invoices less refunds) by month, a bar per currency"
      kind="bar"
      rows={rows}
      columns={GROSS_COLUMNS}
      rowKey={(r) => `${r.month}/${r.currency}`}
      figures={grossFigures}
      empty="No finalized invoice in these months."
    />
  );
}

const USAGE_COLUMNS: readonly Column<Usage>[] = [
  month(),
  currency(),
  { header: "Metric", cell: (r) => r.billableMetricName },
  { header: "Units", numeric: true, cell: (r) => formatDecimal(r.units) },
  money("Amount", (r) => r.amountCents),
];

function usageFigures(rows: readonly Usage[]): Figure[] {
  return rows.map((r) => ({ month: r.month, series: r.billableMetricName, currency: r.currency, amount: r.amountCents }));
}

export function InvoicedUsageSection({ rows }: { readonly rows: readonly Usage[] }) {
  return (
    <RevenueSection
      title="Invoiced usage"
      drawn="Usage fees of finalized invoices by month, stacked by billable metric, one stack per currency"
      kind="stacked"
      rows={rows}
      columns={USAGE_COLUMNS}
      rowKey={(r) => `${r.month}/${r.currency}/${r.billableMetricCode}`}
      figures={usageFigures}
      empty="No usage invoiced in these months."
    />
  );
}

const OUTSTANDING_COLUMNS: readonly Column<Outstanding>[] = [
  month(),
  currency(),
  { header: "Invoices", numeric: true, cell: (r) => count.format(r.invoicesCount) },
  money("Outstanding", (r) => r.amountCents),
  { header: "Overdue invoices", numeric: true, cell: (r) => count.format(r.overdueInvoicesCount) },
  money("Overdue", (r) => r.overdueAmountCents),
];

function outstandingFigures(rows: readonly Outstanding[]): Figure[] {
  return rows.flatMap((r) => [
    { month: r.month, series: "Outstanding", currency: r.currency, amount: r.amountCents },
    { month: r.month, series: "Overdue", currency: r.currency, amount: r.overdueAmountCents },
  ]);
}

export function OutstandingInvoicesSection({ rows }: { readonly rows: readonly Outstanding[] }) {
  return (
    <RevenueSection
      title="Outstanding invoices"
      drawn="Unpaid finalized invoices by month of issue, with the part past its due date, per currency"
      kind="bar"
      rows={rows}
      columns={OUTSTANDING_COLUMNS}
      rowKey={(r) => `${r.month}/${r.currency}`}
      figures={outstandingFigures}
      empty="No unpaid invoice issued in these months."
    />
  );
}
