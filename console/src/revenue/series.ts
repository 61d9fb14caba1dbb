// Chart data from the graph's monthly figures: one point per month, one series per currency (or per
// metric and currency). The numbers are for drawing only (major units as a JS number); every figure a
// person reads, in the tables and the chart's tooltip, is formatted from the exact integer minor units
// kept beside them.
import { minorToDecimal, type MinorUnits } from "../money";
import { formatMonth } from "./filters";

export interface ChartSeries {
  /** The point's key of this series ("s0", "s1", ...). */
  readonly key: string;
  readonly label: string;
  readonly currency: string;
}

/** A month: `month` (its first day), `label` (as shown) and the drawing value of each series key. */
export type ChartPoint = Readonly<Record<string, string | number>>;

export interface ChartData {
  readonly series: readonly ChartSeries[];
  readonly points: readonly ChartPoint[];
  /** The exact minor units behind each drawn value, by month then series key. */
  readonly minor: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/** One figure of one series: which month, which series (its label and currency), how much. */
export interface Figure {
  readonly month: string;
  readonly series: string;
  readonly currency: string;
  readonly amount: MinorUnits;
}

export function chartData(figures: readonly Figure[]): ChartData {
  const series = new Map<string, ChartSeries>();
  const points = new Map<string, Record<string, string | number>>();
  const minor = new Map<string, Map<string, string>>();
  for (const figure of figures) {
    const id = `${figure.series}\u0000${figure.currency}`;
    let found = series.get(id);
    if (found === undefined) {
      found = { key: `s${series.size}`, label: figure.series, currency: figure.currency };
      series.set(id, found);
    }
    const month = figure.month.slice(0, 10);
    let point = points.get(month);
    if (point === undefined) {
      point = { month, label: formatMonth(month) };
      points.set(month, point);
      minor.set(month, new Map());
    }
    const amount = String(figure.amount);
    point[found.key] = Number(minorToDecimal(amount, figure.currency));
    minor.get(month)?.set(found.key, amount);
  }
  const ordered = [...points.values()].sort((a, b) => String(a["month"]).localeCompare(String(b["month"])));
  return { series: [...series.values()], points: ordered, minor };
}
