import Link from "next/link";
import { useTranslations } from "next-intl";
import { Logo } from "@/components/logo";
import { ThemeToggle } from "@/components/theme-toggle";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { SandboxBadge } from "./sandbox-badge";
import { UserMenu } from "./user-menu";

type Props = {
  user: { name: string; email: string; roleLabel: string };
  /** Providers running against the sandbox (labels), for the header badge. */
  sandboxProviders: string[];
  canConfigureProviders: boolean;
  /** Navigation items this user's role doesn't see. */
  hiddenNav?: readonly string[];
  /** The test clock's offset when it is on (never in production): a banner nobody can miss. */
  testClockBanner?: React.ReactNode;
  children: React.ReactNode;
};

/** Sidebar on laptops, a top bar with a slide-in menu on phones. */
export function AppShell({
  user,
  sandboxProviders,
  canConfigureProviders,
  hiddenNav,
  testClockBanner,
  children,
}: Props) {
  const t = useTranslations("Shell");
  return (
    <div className="flex min-h-dvh">
      {/* First focusable element: keyboard and screen-reader users jump past the navigation. */}
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background text-sm font-medium shadow-md outline-none focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-4 focus:py-2 focus-visible:ring-2 focus-visible:ring-ring"
      >
        {t("skipToContent")}
      </a>
      {/* The aside stretches with the page (its background and border reach the bottom of long pages); only its
          contents stick to the viewport. */}
      <aside className="hidden w-60 shrink-0 border-r border-sidebar-border bg-sidebar md:block" data-testid="sidebar">
        <div className="sticky top-0 flex max-h-dvh flex-col overflow-y-auto px-3 py-4">
          <Link href="/" className="mb-6 rounded-md px-2 outline-none focus-visible:ring-2 focus-visible:ring-ring">
            <Logo />
          </Link>
          <NavLinks hidden={hiddenNav} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/90 px-3 backdrop-blur sm:px-6">
          <MobileNav hidden={hiddenNav} />
          <Link href="/" className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring md:hidden">
            {/* Below 400 px only the mark shows; the name stays for screen readers (the link's name). */}
            <Logo className="[&>span:last-child]:sr-only min-[400px]:[&>span:last-child]:not-sr-only" />
          </Link>
          <div className="ml-auto flex items-center gap-1">
            <SandboxBadge providers={sandboxProviders} canConfigure={canConfigureProviders} />
            <ThemeToggle />
            <UserMenu {...user} />
          </div>
        </header>
        {testClockBanner}
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 scroll-mt-14 px-4 py-6 outline-none sm:px-6 lg:px-8"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
