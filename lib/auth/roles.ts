import type { UserRole } from "@/drizzle/schema/users";

/** Roles from most to least powerful. Client-safe: the shell uses it to decide which links to show. */
export const ROLES = ["owner", "manager", "staff"] as const satisfies readonly UserRole[];

// Their names and descriptions are catalogue keys: Auth.roles.<role> and Auth.roleDescriptions.<role>.

const RANK: Record<UserRole, number> = { owner: 3, manager: 2, staff: 1 };

/** True when `role` is at least as powerful as `minimum`. */
export function hasRole(role: UserRole, minimum: UserRole): boolean {
  return RANK[role] >= RANK[minimum];
}
