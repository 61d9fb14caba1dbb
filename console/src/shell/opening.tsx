// Opening an object just created. The router renders the object's page in a transition, which keeps
// the old screen (the form that made it) on view until the new one is ready: on a slow machine that is
// long enough to type into a form that no longer saves anything. So the form gives way to a loader
// first, and the address changes after, and nothing can be typed into it while the object's page loads.
import { Center, Loader } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";

export function useOpenCreated(): { readonly opening: boolean; readonly open: (path: string) => void } {
  const navigate = useNavigate();
  const [target, setTarget] = useState<string | null>(null);
  const gone = useRef(false);
  // Navigates once the loader is on screen (the form is gone before the address changes), and once.
  useEffect(() => {
    if (target === null || gone.current) return;
    gone.current = true;
    void navigate(target);
  }, [target, navigate]);
  return { opening: target !== null, open: setTarget };
}

/** What a form shows instead of itself once its object is created and being opened. */
export function Opening({ noun }: { readonly noun: string }) {
  return (
    <Center p="xl">
      <Loader aria-label={`Opening the new ${noun}`} />
    </Center>
  );
}
