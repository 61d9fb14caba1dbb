// The console's GraphiQL page: the graph explored as the signed-in member, in the selected
// organization (the session's token and organization, as every screen sends them). Loaded as its own
// chunk (the route is lazy): GraphiQL and Monaco never weigh on the console's first screen.
import { Box, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";

import { useSignedIn } from "../session/SessionProvider";
import { consoleFetcher } from "./fetcher";
import { GraphiQLPane } from "./GraphiQLPane";

export default function GraphiQLScreen() {
  const { auth, organization } = useSignedIn();
  const fetcher = useMemo(() => consoleFetcher(() => auth), [auth]);
  return (
    // the height left under the shell's header (64 px) and its padding: GraphiQL fills it
    <Stack gap="xs" h="calc(100dvh - 64px - 2 * var(--mantine-spacing-md))">
      <Title order={1}>GraphiQL</Title>
      <Text size="sm" c="dimmed">
        Operations run as you, in {organization.name}.
      </Text>
      <Box flex={1} mih={0} style={{ border: "1px solid var(--mantine-color-gray-3)" }}>
        <GraphiQLPane fetcher={fetcher} />
      </Box>
    </Stack>
  );
}
