import { Alert, AppShell, Burger, Group, NavLink, Select, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router";

import { landingRoute, navigation } from "../routes";
import { useSession, useSignedIn } from "../session/SessionProvider";
import { ViewAsBanner } from "./ViewAsBanner";
import { UserMenu } from "./UserMenu";

function OrganizationSwitcher() {
  const session = useSignedIn();
  const { switchOrganization } = useSession();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (session.organizations.length < 2) {
    return <Text size="sm">{session.organization.name}</Text>;
  }
  return (
    <Select
      label="Organization"
      size="xs"
      w={220}
      allowDeselect={false}
      disabled={busy}
      data={session.organizations.map((o) => ({ value: o.id, label: o.name }))}
      value={session.organization.id}
      onChange={(id) => {
        if (id === null || id === session.organization.id) return;
        setBusy(true);
        void switchOrganization(id)
          .then(() => navigate("/", { replace: true }))
          .finally(() => setBusy(false));
      }}
    />
  );
}

export function Layout() {
  const session = useSignedIn();
  const { notice, dismissNotice } = useSession();
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  const links = navigation(session.permissions);
  // the one link the page belongs to: the longest path it falls under (Approvals, not Credit notes too)
  const activeId = links
    .filter((route) => location.pathname === route.path || location.pathname.startsWith(`${route.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.id;
  const home = landingRoute(session.permissions)?.path ?? "/";

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={2} size="h4">
              <Link to={home} style={{ color: "inherit", textDecoration: "none" }}>
                billgraph
              </Link>
            </Title>
          </Group>
          <Group gap="md" wrap="nowrap">
            <OrganizationSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        {links.map((route) => (
          <NavLink
            key={route.id}
            component={Link}
            to={route.path}
            label={route.title}
            active={route.id === activeId}
            aria-current={location.pathname === route.path ? "page" : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <ViewAsBanner />
        {notice !== null && (
          <Alert color="yellow" mb="md" withCloseButton closeButtonLabel="Dismiss" onClose={dismissNotice}>
            {notice}
          </Alert>
        )}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
