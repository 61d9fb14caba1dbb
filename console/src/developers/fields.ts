// The graph's VALIDATION_ERROR fields, read by an input's name (with or without the `input.` prefix).
export function fieldError(fields: Readonly<Record<string, string>>, name: string): string | undefined {
  return fields[name] ?? fields[`input.${name}`];
}
