import { requireUser } from "@/lib/auth/session";

/**
 * The layout of a route group that has its own loading.tsx. A layout renders before its segment's loading
 * boundary starts streaming, so the sign-in and pending-password redirects answer with a real 307 here; thrown
 * from the page, inside the boundary, they would come after a 200 already sent. The page still checks too.
 */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  return children;
}
