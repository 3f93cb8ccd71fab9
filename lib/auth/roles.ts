import type { UserRole } from "@/drizzle/schema/users";

/** Roles from most to least powerful. Client-safe: the shell uses it to decide which links to show. */
export const ROLES = ["owner", "manager", "staff"] as const satisfies readonly UserRole[];

export const ROLE_LABELS: Record<UserRole, string> = {
  owner: "Owner",
  manager: "Manager",
  staff: "Staff",
};

export const ROLE_DESCRIPTIONS: Record<UserRole, string> = {
  owner: "Everything, including users and provider settings.",
  manager: "Approves and sends campaigns, imports and exports guests.",
  staff: "Adds guests, records consent, drafts and tests messages.",
};

const RANK: Record<UserRole, number> = { owner: 3, manager: 2, staff: 1 };

/** True when `role` is at least as powerful as `minimum`. */
export function hasRole(role: UserRole, minimum: UserRole): boolean {
  return RANK[role] >= RANK[minimum];
}
