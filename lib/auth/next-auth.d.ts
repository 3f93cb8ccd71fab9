import "next-auth";
import "@auth/core/jwt";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; sessionVersion?: number; sid?: string; email?: string | null; name?: string | null };
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** The user_sessions row this token belongs to (sign-out revokes it). */
    sid?: string;
  }
}
