// One figure of the Revenue screen: its chart (loaded on demand with recharts) and, beside it, the
// same figures in a table named "<title> figures", every amount formatted from integer minor units.
import { Center, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { lazy, Suspense, useMemo, type ReactNode } from "react";

import type { ChartKind } from "./RevenueChart";
import { chartData, type Figure } from "./series";

const RevenueChart = lazy(() => import("./RevenueChart"));

export interface Column<Row> {
  readonly header: string;
  readonly numeric?: boolean;
  readonly cell: (row: Row) => ReactNode;
}

export interface RevenueSectionProps<Row> {
  readonly title: string;
  /** What the chart draws, for its description ("MRR by month and currency"). */
  readonly drawn: string;
  readonly kind: ChartKind;
  readonly rows: readonly Row[];
  readonly columns: readonly Column<Row>[];
  readonly rowKey: (row: Row) => string;
  /** The chart's figures, from the rows. */
  readonly figures: (rows: readonly Row[]) => readonly Figure[];
  readonly empty: string;
}

export function RevenueSection<Row>({ title, drawn, kind, rows, columns, rowKey, figures, empty }: RevenueSectionProps<Row>) {
  const data = useMemo(() => chartData(figures(rows)), [figures, rows]);
  const tableName = `${title} figures`;
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {title}
        </Title>
        {rows.length === 0 ? (
          <Text size="sm">{empty}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <Suspense
              fallback={
                <Center h={260}>
                  <Loader aria-label={`Loading the ${title} chart`} />
                </Center>
              }
            >
              <RevenueChart
                title={`${title} chart`}
                description={`${drawn}. The exact figures are in the table “${tableName}”.`}
                kind={kind}
                data={data}
              />
            </Suspense>
            <Table.ScrollContainer minWidth={420}>
              <Table striped aria-label={tableName}>
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((column) => (
                      <Table.Th key={column.header} scope="col" ta={column.numeric ? "right" : "left"}>
                        {column.header}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={rowKey(row)}>
                      {columns.map((column) => (
                        <Table.Td key={column.header} ta={column.numeric ? "right" : "left"}>
                          {column.cell(row)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
