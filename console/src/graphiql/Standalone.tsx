// GraphiQL on GET /graphql, outside the console: the same bundled GraphiQL. Its credentials are the
// console's session of this tab when there is one (sessionStorage: signing in to the console, then
// opening /graphql in the same tab), else a token pasted here. What is typed here is kept in memory
// only: it never becomes the console's session, and a reload forgets it.
import { Anchor, Box, Group, PasswordInput, Text, TextInput, Title } from "@mantine/core";
import { useMemo, useRef, useState } from "react";

import { readAuth, type StoredAuth } from "../session/storage";
import { consoleFetcher } from "./fetcher";
import { GraphiQLPane } from "./GraphiQLPane";

const HEADER_HEIGHT = 72;

export function Standalone() {
  const [stored] = useState(readAuth);
  const [token, setToken] = useState(stored?.token ?? "");
  const [organizationId, setOrganizationId] = useState(stored?.organizationId ?? "");
  // the fetcher reads the fields at each request, so typing does not reload GraphiQL's schema
  const current = useRef<StoredAuth | null>(null);
  current.current = token.trim() === "" ? null : { token: token.trim(), organizationId: organizationId.trim() || null };
  const fetcher = useMemo(() => consoleFetcher(() => current.current), []);

  return (
    <Box h="100dvh" style={{ display: "flex", flexDirection: "column" }}>
      <Group component="header" h={HEADER_HEIGHT} px="md" justify="space-between" wrap="nowrap" gap="md">
        <Group gap="md" wrap="nowrap">
          <Title order={1} size="h4">
            billgraph GraphiQL
          </Title>
          <Anchor href="/" size="sm">
            Console
          </Anchor>
        </Group>
        <Group gap="sm" wrap="nowrap" align="flex-end">
          <Text size="xs" c="dimmed" maw={260}>
            {stored !== null
              ? "Signed in from the console in this tab."
              : "Paste a token (loginUser or an API key); without one, operations run anonymously."}
          </Text>
          <PasswordInput
            label="Bearer token"
            size="xs"
            w={260}
            value={token}
            onChange={(event) => setToken(event.currentTarget.value)}
          />
          <TextInput
            label="Organization id"
            size="xs"
            w={300}
            value={organizationId}
            onChange={(event) => setOrganizationId(event.currentTarget.value)}
          />
        </Group>
      </Group>
      <Box component="main" flex={1} mih={0}>
        <GraphiQLPane fetcher={fetcher} />
      </Box>
    </Box>
  );
}
