// Developers: the tabs of ./tabs.ts the member may open (API keys, webhook endpoints, deliveries,
// events); the open tab lives in the URL (`?tab=`).
import { Center, Loader, Stack, Tabs, Text, Title } from "@mantine/core";
import { Suspense } from "react";
import { useSearchParams } from "react-router";

import { useSignedIn } from "../session/SessionProvider";
import { useDocumentTitle } from "../shell/title";
import { developerTabs } from "./tabs";

export default function Developers() {
  const { permissions } = useSignedIn();
  const [params, setParams] = useSearchParams();
  useDocumentTitle("Developers");
  const tabs = developerTabs(permissions);
  const open = tabs.find((tab) => tab.id === params.get("tab")) ?? tabs[0];

  function choose(value: string | null) {
    const next = new URLSearchParams();
    if (value !== null && value !== tabs[0]?.id) next.set("tab", value);
    setParams(next, { replace: true });
  }

  return (
    <Stack gap="md">
      <Title order={1}>Developers</Title>
      {!open && <Text>Nothing here is open to you.</Text>}
      {open && (
        <Tabs value={open.id} onChange={choose} keepMounted={false}>
          <Tabs.List aria-label="Developer sections">
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.id} value={tab.id}>
                {tab.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Panel key={tab.id} value={tab.id} pt="md">
              <Suspense
                fallback={
                  <Center p="xl">
                    <Loader role="status" aria-label={`Loading ${tab.label}`} />
                  </Center>
                }
              >
                <tab.panel />
              </Suspense>
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
