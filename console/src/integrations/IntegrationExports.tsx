// An integration's exports: the invoices and the credit notes issued in a range of dates, in the
// tool's import format and coded with its mappings. Each download is offered only with its
// permissions (the plain export's and organization:integrations:view).
import { ExportRange, type ExportTarget } from "../exports/ExportRange";
import type { IntegrationFieldsFragment } from "../gql/graphql";
import { useSignedIn } from "../session/SessionProvider";
import { canExportCreditNotes, canExportInvoices } from "./actions";
import { KINDS } from "./kinds";

export function exportUrl(integrationId: string, documents: "invoices" | "credit_notes"): string {
  return `/api/v1/exports/integrations/${encodeURIComponent(integrationId)}/${documents}.csv`;
}

export function IntegrationExports({ integration }: { readonly integration: IntegrationFieldsFragment }) {
  const { permissions } = useSignedIn();
  const kind = KINDS[integration.kind];
  const prefix = integration.kind.toLowerCase();
  const targets: ExportTarget[] = [];
  if (canExportInvoices(permissions)) {
    targets.push({ label: "Download invoices", url: exportUrl(integration.id, "invoices"), name: `${prefix}-invoices` });
  }
  if (canExportCreditNotes(permissions)) {
    targets.push({ label: "Download credit notes", url: exportUrl(integration.id, "credit_notes"), name: `${prefix}-credit_notes` });
  }
  if (targets.length === 0) return null;
  return (
    <ExportRange
      title={`${kind.label} import files`}
      description={`The finalized invoices and credit notes issued in this range of dates, both days included, as ${kind.label}'s import files, coded with the mappings above.`}
      targets={targets}
    />
  );
}
