// An integration's page (/integrations/:id): its settings (edited with organization:integrations:update,
// read-only otherwise), its write-only credentials (when they were last set; replaced, never shown),
// its mappings, its exports in the tool's format, and disconnecting it with the consequence said first.
import { Text } from "@mantine/core";
import { useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";

import { ConfirmAction } from "../catalogue/Destroy";
import { DetailFrame, DetailState } from "../catalogue/Detail";
import { DestroyIntegrationDocument, IntegrationDocument } from "../graphql/integrations";
import { useSignedIn } from "../session/SessionProvider";
import { useDocumentTitle } from "../shell/title";
import { canDisconnect, MAPPABLE_VIEW_PERMISSIONS } from "./actions";
import { IntegrationCredentials } from "./IntegrationCredentials";
import { IntegrationExports } from "./IntegrationExports";
import { IntegrationSettings } from "./IntegrationSettings";
import { KINDS } from "./kinds";
import { MappingEditor } from "./MappingEditor";

const LIST = { to: "/integrations", label: "Integrations" };

export default function IntegrationDetail() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { permissions } = useSignedIn();
  const [{ data, fetching, error }] = useQuery({
    query: IntegrationDocument,
    variables: {
      id,
      limit: 100,
      withAddOns: permissions.has(MAPPABLE_VIEW_PERMISSIONS.addOns),
      withMetrics: permissions.has(MAPPABLE_VIEW_PERMISSIONS.metrics),
      withTaxes: permissions.has(MAPPABLE_VIEW_PERMISSIONS.taxes),
    },
  });
  const [, destroy] = useMutation(DestroyIntegrationDocument);
  const integration = data?.integration;
  useDocumentTitle(integration ? `Integration ${integration.name}` : "Integration");
  const state = DetailState({ fetching, error, found: Boolean(integration), noun: "integration", list: LIST });
  if (state || !integration) return state;
  const kind = KINDS[integration.kind];

  const actions = canDisconnect(permissions) ? (
    <ConfirmAction
      label="Disconnect"
      title={`Disconnect ${integration.name}`}
      consequence={`The ${kind.label} credentials are erased, every mapping of this integration is deleted and its exports stop; its code “${integration.code}” is freed. Connecting the tool again means entering the credentials and the mappings anew. Files already exported are not affected.`}
      confirm="Disconnect"
      run={() => destroy({ input: { id: integration.id } })}
      onDone={() => void navigate("/integrations")}
    />
  ) : undefined;

  return (
    <DetailFrame list={LIST} title={`Integration ${integration.name}`} crumb={integration.name} actions={actions}>
      <Text>
        {kind.label} · code {integration.code}
      </Text>
      <IntegrationSettings integration={integration} />
      <IntegrationCredentials integration={integration} />
      <MappingEditor
        integration={integration}
        objects={{
          addOns: data.addOns?.collection ?? null,
          metrics: data.billableMetrics?.collection ?? null,
          taxes: data.taxes?.collection ?? null,
        }}
      />
      <IntegrationExports integration={integration} />
    </DetailFrame>
  );
}
