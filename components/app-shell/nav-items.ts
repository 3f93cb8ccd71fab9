import { BookUser, History, LayoutDashboard, Megaphone, Settings, SquarePen, UsersRound } from "lucide-react";

/** The main navigation, in the order staff use it during a shift. */
export const NAV_ITEMS = [
  { href: "/", label: "Dashboard", icon: LayoutDashboard },
  { href: "/compose", label: "Compose", icon: SquarePen },
  { href: "/campaigns", label: "Campaigns", icon: Megaphone },
  { href: "/contacts", label: "Contacts", icon: BookUser },
  { href: "/groups", label: "Groups", icon: UsersRound },
  { href: "/history", label: "History", icon: History },
  { href: "/settings", label: "Settings", icon: Settings },
] as const;

/** Whether a nav item is the current section (Dashboard only on "/", others on their whole subtree). */
export function isActive(href: string, pathname: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
