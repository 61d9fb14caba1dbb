// A chart of monthly figures (recharts, in this module's own lazily loaded chunk: only the Revenue
// screen imports it). The SVG is an image named by `title` and described by `description`; the exact
// figures are in the table beside it, and the tooltip formats the exact minor units, not the drawn
// numbers.
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatMinor } from "../money";
import type { ChartData } from "./series";

export type ChartKind = "line" | "bar" | "stacked";

const PALETTE = ["#1c7ed6", "#e8590c", "#2f9e44", "#9c36b5", "#c92a2a", "#0c8599", "#5c940d", "#d6336c"];
const compact = new Intl.NumberFormat(undefined, { notation: "compact", maximumFractionDigits: 1 });

export interface RevenueChartProps {
  readonly title: string;
  readonly description: string;
  readonly kind: ChartKind;
  readonly data: ChartData;
}

export default function RevenueChart({ title, description, kind, data }: RevenueChartProps) {
  const currencyOf = new Map(data.series.map((s) => [s.key, s.currency]));
  const common = {
    data: [...data.points],
    role: "img",
    title,
    desc: description,
    accessibilityLayer: false,
    margin: { top: 8, right: 16, bottom: 8, left: 8 },
  };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="label" fontSize={12} />
      <YAxis fontSize={12} tickFormatter={(value: number) => compact.format(value)} width={56} />
      <Tooltip
        formatter={(value, name, item) => {
          const key = String(item.dataKey);
          const point = item.payload as { readonly month?: unknown } | undefined;
          const month = typeof point?.month === "string" ? point.month : "";
          const exact = data.minor.get(month)?.get(key);
          const currency = currencyOf.get(key);
          return [exact !== undefined && currency !== undefined ? formatMinor(exact, currency) : String(value), name];
        }}
      />
      {data.series.length > 1 && <Legend />}
    </>
  );
  const named = (label: string, currency: string) => (label === currency ? currency : `${label} (${currency})`);
  return (
    <ResponsiveContainer width="100%" height={260}>
      {kind === "line" ? (
        <LineChart {...common}>
          {axes}
          {data.series.map((s, index) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={named(s.label, s.currency)}
              stroke={PALETTE[index % PALETTE.length] ?? "#1c7ed6"}
              strokeWidth={2}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      ) : (
        <BarChart {...common}>
          {axes}
          {data.series.map((s, index) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={named(s.label, s.currency)}
              fill={PALETTE[index % PALETTE.length] ?? "#1c7ed6"}
              isAnimationActive={false}
              {...(kind === "stacked" ? { stackId: s.currency } : {})}
            />
          ))}
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}
