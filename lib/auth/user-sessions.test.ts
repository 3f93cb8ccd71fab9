import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { userSessions, users } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { insertUser } from "@/tests/support/factories";
import { deviceLabel } from "./device-label";
import {
  findSessionUser,
  listActiveSessions,
  purgeEndedSessions,
  revokeAllSessions,
  revokeSession,
  startSession,
} from "./user-sessions";

describe("user sessions", () => {
  it("a token works while its session row is open, and not after sign-out revoked it", async () => {
    const db = getDb();
    const user = await insertUser();
    const sid = await startSession(db, { userId: user.id, userAgent: "UA", clientAddress: "192.0.2.7" });
    const token = { uid: user.id, sid, sv: 1 };
    expect(await findSessionUser(db, token)).toMatchObject({ id: user.id, email: user.email });
    await revokeSession(db, sid);
    expect(await findSessionUser(db, token), "a copy of the token after sign-out").toBeNull();
  });

  it("refuses tokens without a session id (issued before sessions were recorded), or with another user's", async () => {
    const db = getDb();
    const user = await insertUser();
    const other = await insertUser();
    const sid = await startSession(db, { userId: other.id });
    expect(await findSessionUser(db, { uid: user.id, sv: 1 })).toBeNull();
    expect(await findSessionUser(db, { uid: user.id, sid, sv: 1 })).toBeNull();
    expect(await findSessionUser(db, { uid: user.id, sid: "not-a-uuid", sv: 1 })).toBeNull();
  });

  it("refuses an expired session, a deactivated account and an old session version", async () => {
    const db = getDb();
    const user = await insertUser();
    const expired = await startSession(db, { userId: user.id }, new Date(Date.now() - 13 * 3600_000));
    expect(await findSessionUser(db, { uid: user.id, sid: expired, sv: 1 })).toBeNull();
    const sid = await startSession(db, { userId: user.id });
    expect(await findSessionUser(db, { uid: user.id, sid, sv: 0 })).toBeNull();
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await findSessionUser(db, { uid: user.id, sid, sv: 1 })).toBeNull();
  });

  it("signs out everywhere: every open session of the user ends, other users' stay", async () => {
    const db = getDb();
    const user = await insertUser();
    const other = await insertUser();
    const a = await startSession(db, { userId: user.id, userAgent: "phone" });
    const b = await startSession(db, { userId: user.id, userAgent: "laptop" });
    const theirs = await startSession(db, { userId: other.id });
    expect((await listActiveSessions(db, user.id)).map((s) => s.id).sort()).toEqual([a, b].sort());
    expect(await revokeAllSessions(db, user.id)).toBe(2);
    expect(await listActiveSessions(db, user.id)).toEqual([]);
    expect(await findSessionUser(db, { uid: user.id, sid: a, sv: 1 })).toBeNull();
    expect(await findSessionUser(db, { uid: other.id, sid: theirs, sv: 1 })).not.toBeNull();
    const [row] = await db.select().from(userSessions).where(eq(userSessions.id, b));
    expect(row?.revokedAt).toBeInstanceOf(Date);
  });

  it("purges sessions that ended more than a day ago and keeps the rest", async () => {
    const db = getDb();
    const user = await insertUser();
    const old = await startSession(db, { userId: user.id }, new Date(Date.now() - 3 * 24 * 3600_000));
    const open = await startSession(db, { userId: user.id });
    expect(await purgeEndedSessions(db)).toBeGreaterThanOrEqual(1);
    const left = (
      await db.select({ id: userSessions.id }).from(userSessions).where(eq(userSessions.userId, user.id))
    ).map((r) => r.id);
    expect(left).toEqual([open]);
    expect(left).not.toContain(old);
  });

  it("names devices from their user agent", () => {
    expect(
      deviceLabel("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36"),
    ).toBe("Chrome on Android");
    expect(
      deviceLabel(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari on iPhone");
    expect(
      deviceLabel("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36 Edg/126.0"),
    ).toBe("Edge on Windows");
    expect(deviceLabel(null)).toBe("Unknown device");
  });
});
