// Client-safe: the sign-up form posts here and reads this answer (no server imports).

/** Where the sign-up form posts (answered before Next's router by the launcher, and by app/api/join/route.ts). */
export const JOIN_POST_PATH = "/api/join";

/** The form's answer to the page's script (JSON); a browser without script is redirected back to the page. */
export type JoinAnswer =
  | { kind: "sent"; phone: string; expiresInHours: number }
  | { kind: "capped" }
  | {
      kind: "problem";
      /** Above the button; null when the problem is at a field. */
      message: string | null;
      fieldErrors: Record<string, string[] | undefined>;
      /** The page must be shown again (a new form time, or the wording changed): reload it, keep what was typed. */
      reload?: boolean;
    };

/** The page's query after a post without script: `sent`, or the catalogue key of the problem. */
export const JOIN_RESULT_PARAM = { sent: "sent", problem: "problem" } as const;
