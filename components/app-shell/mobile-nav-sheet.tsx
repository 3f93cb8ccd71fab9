"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Logo } from "@/components/logo";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { MenuButton } from "./mobile-nav";
import { NavLinks } from "./nav-links";

/**
 * The slide-in menu itself, loaded at its first use (mobile-nav.tsx). It closes when the tapped page is there,
 * not at the tap: until then the tapped item shows that it is loading (nav-links.tsx).
 */
export function MobileNavSheet({ defaultOpen = false, hidden }: { defaultOpen?: boolean; hidden?: readonly string[] }) {
  const t = useTranslations("Shell.nav");
  const [open, setOpen] = useState(defaultOpen);
  const pathname = usePathname();
  const shownAt = useRef(pathname);
  useEffect(() => {
    if (pathname === shownAt.current) return; // opened on this page: nothing to close yet
    shownAt.current = pathname;
    setOpen(false);
  }, [pathname]);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <MenuButton />
      </SheetTrigger>
      <SheetContent side="left" className="w-72 bg-sidebar p-4">
        <SheetHeader className="p-0 pb-4">
          <SheetTitle asChild>
            <div>
              <Logo />
            </div>
          </SheetTitle>
          <SheetDescription className="sr-only">{t("mainNavigation")}</SheetDescription>
        </SheetHeader>
        <NavLinks onCurrentPage={() => setOpen(false)} hidden={hidden} />
      </SheetContent>
    </Sheet>
  );
}
