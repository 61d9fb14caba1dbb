// The inputs a tool's kind asks for. Credentials: password inputs, uncontrolled (the secrets are read
// from the form when it is sent and never kept in the page's state or attributes), never pre-filled,
// never read back. Settings: plain inputs, a choice where the tool has a fixed set, the default said.
// Each shows the graph's problem at its path (`credentials.<key>`, `settings.<key>`).
import { Fieldset, Select, Stack, Text, TextInput } from "@mantine/core";

import type { KindSpec } from "./kinds";

export type Problems = Readonly<Record<string, string>>;

/** The credentials typed in `form`, by key (the inputs are named `credential-<key>`). */
export function credentialsFrom(form: HTMLFormElement, kind: KindSpec): Record<string, string> {
  const data = new FormData(form);
  const given: Record<string, string> = {};
  for (const credential of kind.credentials) {
    const value = data.get(`credential-${credential.key}`);
    given[credential.key] = typeof value === "string" ? value : "";
  }
  return given;
}

export function CredentialInputs({ kind, problems, legend }: { readonly kind: KindSpec; readonly problems: Problems; readonly legend: string }) {
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        <Text size="sm">Stored encrypted and never shown again, not even to admins: keep your own copy in the tool.</Text>
        {kind.credentials.map((credential) => (
          <TextInput
            key={credential.key}
            label={credential.label}
            name={`credential-${credential.key}`}
            type="password"
            autoComplete="new-password"
            withAsterisk
            defaultValue=""
            error={problems[`credentials.${credential.key}`]}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}

export function SettingsInputs({
  kind,
  values,
  problems,
  disabled,
  onChange,
}: {
  readonly kind: KindSpec;
  readonly values: Readonly<Record<string, string>>;
  readonly problems: Problems;
  readonly disabled: boolean;
  readonly onChange: (key: string, value: string) => void;
}) {
  return (
    <Fieldset legend={`${kind.label} settings`}>
      <Stack gap="sm">
        {kind.settings.map((setting) => {
          const description = setting.defaultValue === null ? setting.description : `${setting.description} (default: ${setting.defaultValue})`;
          const error = problems[`settings.${setting.key}`];
          return setting.choices.length > 0 ? (
            <Select
              key={setting.key}
              label={setting.label}
              description={description}
              data={[...setting.choices]}
              allowDeselect={false}
              value={values[setting.key] ?? setting.defaultValue}
              disabled={disabled}
              error={error}
              onChange={(value) => onChange(setting.key, value ?? "")}
            />
          ) : (
            <TextInput
              key={setting.key}
              label={setting.label}
              description={description}
              value={values[setting.key] ?? ""}
              disabled={disabled}
              error={error}
              onChange={(event) => onChange(setting.key, event.currentTarget.value)}
            />
          );
        })}
      </Stack>
    </Fieldset>
  );
}
