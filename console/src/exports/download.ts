// A CSV export of the REST API downloaded as a file: GET with the member's bearer token and
// organization header (a plain link cannot carry them), the response saved under the name its
// content-disposition gives. A refusal comes back as the REST answer's message and its
// VALIDATION_ERROR fields (query parameter → problem), to show at the inputs.
import { authHeaders } from "../session/client";
import type { StoredAuth } from "../session/storage";

export interface ExportError {
  readonly message: string;
  readonly fields: Readonly<Record<string, string>>;
}

export type ExportResult = { readonly ok: true; readonly filename: string } | { readonly ok: false; readonly error: ExportError };

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function filenameFrom(disposition: string | null, fallback: string): string {
  const found = disposition === null ? null : /filename="([^"]+)"/.exec(disposition);
  return found?.[1] ?? fallback;
}

export async function errorFrom(response: Response): Promise<ExportError> {
  try {
    const body = (await response.json()) as { errors?: { message?: string; extensions?: { fields?: Record<string, string> } }[] };
    const first = body.errors?.[0];
    return { message: first?.message ?? `The export failed (${response.status})`, fields: first?.extensions?.fields ?? {} };
  } catch {
    return { message: `The export failed (${response.status})`, fields: {} };
  }
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetches `url?params` as the member and saves it; `fallback` names the file when the server does not. */
export async function downloadExport(
  auth: StoredAuth | null,
  url: string,
  params: Readonly<Record<string, string>>,
  fallback: string,
): Promise<ExportResult> {
  try {
    const query = new URLSearchParams(params);
    const response = await fetch(`${url}?${query.toString()}`, { headers: authHeaders(auth) });
    if (!response.ok) return { ok: false, error: await errorFrom(response) };
    const filename = filenameFrom(response.headers.get("content-disposition"), fallback);
    save(await response.blob(), filename);
    return { ok: true, filename };
  } catch {
    return { ok: false, error: { message: "The server could not be reached", fields: {} } };
  }
}
