import Link from "next/link";
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
  children: React.ReactNode;
};

/** Sidebar on laptops, a top bar with a slide-in menu on phones. */
export function AppShell({ user, sandboxProviders, canConfigureProviders, children }: Props) {
  return (
    <div className="flex min-h-dvh">
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-r border-sidebar-border bg-sidebar px-3 py-4 md:flex">
        <Link href="/" className="mb-6 rounded-md px-2 outline-none focus-visible:ring-2 focus-visible:ring-ring">
          <Logo />
        </Link>
        <NavLinks />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b bg-background/90 px-3 backdrop-blur sm:px-6">
          <MobileNav />
          <Link href="/" className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-ring md:hidden">
            <Logo className="[&>span:last-child]:hidden min-[400px]:[&>span:last-child]:inline" />
          </Link>
          <div className="ml-auto flex items-center gap-1">
            <SandboxBadge providers={sandboxProviders} canConfigure={canConfigureProviders} />
            <ThemeToggle />
            <UserMenu {...user} />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
