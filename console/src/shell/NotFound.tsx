import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

import { useDocumentTitle } from "./title";

export function NotFound() {
  useDocumentTitle("Page not found");
  return (
    <Stack gap="sm">
      <Title order={1}>Page not found</Title>
      <Text>There is no page at this address.</Text>
      <Text>
        <Anchor component={Link} to="/">
          Go to the start page
        </Anchor>
      </Text>
    </Stack>
  );
}
