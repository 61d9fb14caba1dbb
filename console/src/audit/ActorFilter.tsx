// The audit log's actor filter: a person (the organization's members) or an API key, each offered only
// when the member may read them (./actions.ts). The value is "user:<id>" or "key:<id>".
import { Select } from "@mantine/core";
import { useQuery } from "urql";

import { AuditActorsDocument } from "../graphql/audit";
import { useSignedIn } from "../session/SessionProvider";
import { canListKeys, canNameMembers } from "./actions";

export function ActorFilter({ value, onChange }: { readonly value: string | null; readonly onChange: (value: string | null) => void }) {
  const { permissions } = useSignedIn();
  const withMembers = canNameMembers(permissions);
  const withKeys = canListKeys(permissions);
  const [{ data }] = useQuery({ query: AuditActorsDocument, variables: { withMembers, withKeys }, pause: !withMembers && !withKeys });
  const people = (data?.organization?.members ?? []).map((m) => ({ value: `user:${m.user.id}`, label: m.user.email }));
  const keys = (data?.apiKeys ?? []).map((k) => ({ value: `key:${k.id}`, label: `${k.name} (${k.prefix}…)` }));
  const groups = [
    ...(people.length ? [{ group: "People", items: people }] : []),
    ...(keys.length ? [{ group: "API keys", items: keys }] : []),
  ];
  const known = [...people, ...keys].some((o) => o.value === value);
  const extra = value !== null && !known ? [{ group: "Chosen", items: [{ value, label: value.replace(/^user:/, "Member ").replace(/^key:/, "API key ") }] }] : [];
  return (
    <Select
      label="Actor"
      placeholder="Anyone"
      data={[...extra, ...groups]}
      value={value}
      onChange={onChange}
      clearable
      searchable
      nothingFoundMessage="No actor matches"
    />
  );
}
