"use client";

import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { OnFirstUse } from "@/components/ui/on-first-use";

const loadSheet = () => import("./mobile-nav-sheet").then((m) => ({ default: m.MobileNavSheet }));

/** The phone's menu button (hidden from md up, where the sidebar shows). */
export function MenuButton(props: ComponentProps<typeof Button>) {
  const t = useTranslations("Shell.nav");
  return (
    <Button
      variant="ghost"
      size="icon"
      className="md:hidden"
      aria-label={t("openMenu")}
      aria-haspopup="dialog"
      {...props}
    >
      <Menu className="size-5" />
    </Button>
  );
}

/** The sidebar folded into a slide-in menu on phones; the menu loads at first use. */
export function MobileNav({ hidden }: { hidden?: readonly string[] }) {
  return <OnFirstUse load={loadSheet} props={{ hidden }} trigger={<MenuButton />} />;
}
