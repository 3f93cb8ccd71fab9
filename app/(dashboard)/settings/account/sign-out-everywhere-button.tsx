"use client";
import { Button } from "@/components/ui/button";
import { useAction } from "@/lib/actions/use-action";
import { signOutEverywhereAction } from "./actions";

export function SignOutEverywhereButton() {
  // On success the action redirects to the sign-in page; only a failure comes back here (as a toast).
  const { run, pending } = useAction(signOutEverywhereAction);
  return (
    <Button variant="outline" disabled={pending} onClick={() => run({ confirm: true })}>
      {pending ? "Signing out..." : "Sign out everywhere"}
    </Button>
  );
}
