// A link to the audit log filtered to one object (its type as the audit log names it, e.g. "Invoice",
// and its id), shown only to members who may read the audit log (./actions.ts).
import { Anchor } from "@mantine/core";
import { Link } from "react-router";

import { useSignedIn } from "../session/SessionProvider";
import { canViewAuditLog } from "./actions";

export function auditLogPath(objectType: string, objectId: string): string {
  const params = new URLSearchParams({ objectType, objectId });
  return `/audit-log?${params.toString()}`;
}

export function ObjectHistoryLink({ objectType, objectId }: { readonly objectType: string; readonly objectId: string }) {
  const { permissions } = useSignedIn();
  if (!canViewAuditLog(permissions)) return null;
  return (
    <Anchor component={Link} to={auditLogPath(objectType, objectId)} size="sm">
      History
    </Anchor>
  );
}
