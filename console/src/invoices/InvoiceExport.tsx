// The invoices' CSV export for a range of issuing dates: GET /api/v1/exports/invoices.csv?from&to,
// downloaded as a file by the shared export form (../exports/ExportRange.tsx).
import { ExportRange } from "../exports/ExportRange";

export const EXPORT_URL = "/api/v1/exports/invoices.csv";

const TARGETS = [{ label: "Download CSV", url: EXPORT_URL, name: "invoices" }];

export function InvoiceExport() {
  return (
    <ExportRange
      title="Export invoices as CSV"
      description="Every line of the invoices issued in this range of dates, both days included."
      targets={TARGETS}
    />
  );
}
