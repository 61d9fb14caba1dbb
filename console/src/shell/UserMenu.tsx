// The signed-in person's menu in the header: their email opens it; it leads to Change password and
// signs out. A popover (a disclosure of a link and a button) rather than Mantine's Menu: the header is
// on every first screen, and Menu would add about 8 KB gzipped to it.
import { Button, NavLink, Popover, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router";

import { useSession, useSignedIn } from "../session/SessionProvider";

export function UserMenu() {
  const session = useSignedIn();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <Button variant="default" size="xs" onClick={() => setOpened((open) => !open)} aria-label={`Account of ${session.email}`}>
          <Text span size="sm" maw={240} truncate="end">
            {session.email}
          </Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Account" p="xs">
        <Stack gap={4} miw={180}>
          <NavLink component={Link} to="/account/password" label="Change password" onClick={() => setOpened(false)} />
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              setOpened(false);
              void signOut().then(() => navigate("/sign-in", { replace: true }));
            }}
          >
            Sign out
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
