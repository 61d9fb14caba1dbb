// While an admin views the console as a role: a banner that says so on every screen, and the way
// back. The graph answers every request narrowed to that role, so what shows is what it would get.
import { Alert, Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { useNavigate } from "react-router";

import { useSession, useSignedIn } from "../session/SessionProvider";

export function ViewAsBanner() {
  const { viewingAs } = useSignedIn();
  const { viewAs } = useSession();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
  if (viewingAs === null) return null;
  return (
    <Alert color="grape" variant="filled" mb="md" role="status" title={`Viewing as the role “${viewingAs}”`}>
      <Group justify="space-between">
        <Text size="sm">
          Every screen and every request shows what this role may do, never more than you hold. Changes you make are real.
        </Text>
        <Button
          variant="white"
          color="dark"
          size="xs"
          loading={leaving}
          onClick={() => {
            setLeaving(true);
            void viewAs(null).then(() => void navigate("/"));
          }}
        >
          Stop viewing as
        </Button>
      </Group>
    </Alert>
  );
}
