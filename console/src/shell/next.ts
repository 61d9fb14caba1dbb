// The page to return to after signing in (`/sign-in?next=...`): a path of this console only.

export function safeNext(value: string | null): string | null {
  if (value === null || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/sign-in")) {
    return null;
  }
  return value;
}

export function signInPath(next: string | null): string {
  return next === null || next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}
