import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

import { landingRoute } from "../routes";
import { useSignedIn } from "../session/SessionProvider";
import { useDocumentTitle } from "./title";

export function Forbidden() {
  useDocumentTitle("Forbidden");
  const { permissions, organization } = useSignedIn();
  const landing = landingRoute(permissions);
  return (
    <Stack gap="sm">
      <Title order={1}>Forbidden</Title>
      <Text>
        Your permissions in {organization.name} do not include this page. Whoever manages the members of the
        organization can grant them.
      </Text>
      {landing !== null && (
        <Text>
          <Anchor component={Link} to={landing.path}>
            Go to {landing.title}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
