// The plan catalogue (`/plans`): searched by name or code, paged by the graph; each plan's fee and
// number of charges; "New plan" for a member who may open the editor (the route table decides).
import { Alert, Anchor, Button, Center, Group, Loader, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";

import { errorMessage } from "../format";
import { PlansDocument } from "../graphql/plans";
import { formatMinor } from "../money";
import { mayOpen, ROUTES } from "../routes";
import { useSignedIn } from "../session/SessionProvider";
import { PagePicker } from "../shell/PagePicker";
import { INTERVAL_LABEL } from "../subscriptions/labels";
import { canCreatePlan } from "./actions";

const LIMIT = 25;

export default function PlansList() {
  const { permissions } = useSignedIn();
  const [typed, setTyped] = useState("");
  const [searchTerm] = useDebouncedValue(typed.trim(), 300);
  const [page, setPage] = useState(1);
  const [{ data, fetching, error }] = useQuery({
    query: PlansDocument,
    variables: { page, limit: LIMIT, searchTerm: searchTerm === "" ? null : searchTerm },
  });
  const editor = ROUTES.find((route) => route.id === "plan-new");
  const plans = data?.plans?.collection ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>Plans</Title>
        {canCreatePlan(permissions, editor !== undefined && mayOpen(editor, permissions)) && (
          <Button component={Link} to="/plans/new">
            New plan
          </Button>
        )}
      </Group>
      <TextInput
        label="Search plans"
        description="By name or code"
        w={360}
        value={typed}
        onChange={(event) => {
          setTyped(event.currentTarget.value);
          setPage(1);
        }}
      />
      {fetching && !data && (
        <Center p="xl">
          <Loader aria-label="Loading the plans" />
        </Center>
      )}
      {error && !data && (
        <Alert color="red" title="The plans could not be loaded" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {data && plans.length === 0 && <Text>{searchTerm === "" ? "No plan yet." : "No plan matches."}</Text>}
      {plans.length > 0 && (
        <Table striped highlightOnHover aria-label="Plans">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Interval</Table.Th>
              <Table.Th scope="col" ta="right">
                Fee
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Charges
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.map((plan) => (
              <Table.Tr key={plan.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/plans/${plan.id}`}>
                    {plan.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{plan.code}</Table.Td>
                <Table.Td>Every {INTERVAL_LABEL[plan.interval]}</Table.Td>
                <Table.Td ta="right">{formatMinor(plan.amountCents, plan.amountCurrency)}</Table.Td>
                <Table.Td ta="right">{plan.charges.length}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <PagePicker metadata={data?.plans?.metadata} label="Plan" onChange={setPage} />
    </Stack>
  );
}
