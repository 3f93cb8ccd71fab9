"use client";

import { Moon, Sun } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { OnFirstUse } from "@/components/ui/on-first-use";

const loadMenu = () => import("./theme-menu").then((m) => ({ default: m.ThemeMenu }));

/** Sun in light mode, moon in dark (by CSS: right from the first paint, before any script). */
export function ThemeButton(props: ComponentProps<typeof Button>) {
  const t = useTranslations("Shell.theme");
  return (
    <Button variant="ghost" size="icon" aria-label={t("change")} aria-haspopup="menu" {...props}>
      <Sun className="scale-100 rotate-0 transition-transform dark:scale-0 dark:-rotate-90" />
      <Moon className="absolute scale-0 rotate-90 transition-transform dark:scale-100 dark:rotate-0" />
    </Button>
  );
}

/** Light, dark or the device's setting; the menu loads at first use. */
export function ThemeToggle() {
  return <OnFirstUse load={loadMenu} props={{}} trigger={<ThemeButton />} />;
}
