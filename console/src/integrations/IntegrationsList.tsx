// The organization's accounting integrations (/integrations): name, code, tool and when the
// credentials were last set (never the credentials: the graph does not return them).
import { Alert, Anchor, Button, Center, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { useQuery } from "urql";

import { errorMessage, formatDateTime } from "../format";
import { IntegrationsDocument } from "../graphql/integrations";
import { useSignedIn } from "../session/SessionProvider";
import { useDocumentTitle } from "../shell/title";
import { canConnect } from "./actions";
import { KINDS } from "./kinds";

/** The graph's largest page: an organization has a handful of integrations. */
const LIMIT = 100;

export default function IntegrationsList() {
  const { permissions } = useSignedIn();
  const [{ data, fetching, error }] = useQuery({ query: IntegrationsDocument, variables: { limit: LIMIT } });
  useDocumentTitle("Integrations");
  const integrations = data?.integrations;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Integrations</Title>
        {canConnect(permissions) && (
          <Button component={Link} to="/integrations/new">
            Connect integration
          </Button>
        )}
      </Group>
      <Text size="sm">Accounting tools the invoices and credit notes are exported to, in each tool's import format, coded by its mappings.</Text>
      {error && !integrations && (
        <Alert color="red" title="The integrations could not be loaded" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {!integrations && fetching && (
        <Center p="xl">
          <Loader aria-label="Loading integrations" />
        </Center>
      )}
      {integrations && integrations.length === 0 && <Text aria-live="polite">No integrations yet.</Text>}
      {integrations && integrations.length > 0 && (
        <Table striped highlightOnHover aria-label="Integrations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Tool</Table.Th>
              <Table.Th scope="col">Credentials last set</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {integrations.map((integration) => (
              <Table.Tr key={integration.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/integrations/${integration.id}`}>
                    {integration.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{integration.code}</Table.Td>
                <Table.Td>{KINDS[integration.kind].label}</Table.Td>
                <Table.Td>{formatDateTime(integration.credentialsUpdatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {integrations && integrations.length === LIMIT && <Text size="sm">The first {LIMIT} integrations, by name.</Text>}
    </Stack>
  );
}
