"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "./actions";

export function SignOutEverywhereButton() {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          // On success the action redirects to the sign-in page; only a failure comes back here.
          const result = await signOutEverywhereAction({ confirm: true });
          if (result && !result.ok) toast.error(result.error.message);
        })
      }
    >
      {pending ? "Signing out..." : "Sign out everywhere"}
    </Button>
  );
}
