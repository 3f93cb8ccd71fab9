import {
  BookUser,
  History,
  LayoutDashboard,
  Megaphone,
  Repeat,
  Settings,
  SquarePen,
  TicketCheck,
  UsersRound,
} from "lucide-react";

/** The main navigation, in the order staff use it during a shift; `label` is a key under `Shell.nav.items`. */
export const NAV_ITEMS = [
  { href: "/", label: "dashboard", icon: LayoutDashboard },
  { href: "/redeem", label: "redeem", icon: TicketCheck },
  { href: "/compose", label: "compose", icon: SquarePen },
  { href: "/campaigns", label: "campaigns", icon: Megaphone },
  { href: "/contacts", label: "contacts", icon: BookUser },
  { href: "/groups", label: "groups", icon: UsersRound },
  { href: "/automations", label: "automations", icon: Repeat },
  { href: "/history", label: "history", icon: History },
  { href: "/settings", label: "settings", icon: Settings },
] as const;

export type NavItemKey = (typeof NAV_ITEMS)[number]["label"];

/** Items a role doesn't see (its pages refuse it too): staff don't manage automations. */
export const HIDDEN_FOR_STAFF: readonly NavItemKey[] = ["automations"];

/** Whether a nav item is the current section (Dashboard only on "/", others on their whole subtree). */
export function isActive(href: string, pathname: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
