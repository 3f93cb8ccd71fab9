"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useAction } from "@/lib/actions/use-action";
import { signOutEverywhereAction } from "./actions";

export function SignOutEverywhereButton() {
  const t = useTranslations("Account.sessions");
  // On success the action redirects to the sign-in page; only a failure comes back here (as a toast).
  const { run, pending } = useAction(signOutEverywhereAction);
  return (
    <Button variant="outline" disabled={pending} onClick={() => run({ confirm: true })}>
      {pending ? t("signingOut") : t("signOutEverywhere")}
    </Button>
  );
}
