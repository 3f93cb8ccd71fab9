import { afterAll, describe, expect, it } from "vitest";
import { signInAttempts } from "@/drizzle/schema";
import { getDb } from "@/lib/db";
import { uniqueEmail } from "@/tests/support/factories";
import { enqueue, startBoss, stopBoss } from "./boss";
import { QUEUE, SCHEDULES } from "./queues";
import { registerWorkers } from "./worker";

afterAll(() => stopBoss(2_000));

describe("job worker", () => {
  it("creates the queues and schedules, and a worker runs an enqueued job", async () => {
    const boss = await startBoss({ worker: true });
    expect(await boss.getQueue(QUEUE.purgeSignInAttempts)).toMatchObject({
      name: QUEUE.purgeSignInAttempts,
      policy: "singleton",
    });
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => s.name)).toEqual(expect.arrayContaining(SCHEDULES.map((s) => s.queue)));

    const email = uniqueEmail("old");
    await getDb()
      .insert(signInAttempts)
      .values({ email, clientAddress: "x", succeeded: false, createdAt: new Date(Date.now() - 3 * 24 * 3600_000) });
    await registerWorkers(boss);
    const jobId = await enqueue(QUEUE.purgeSignInAttempts, {});
    expect(jobId).toBeTruthy();

    await expect
      .poll(async () => (await boss.getJobById(QUEUE.purgeSignInAttempts, jobId!))?.state, {
        timeout: 15_000,
        interval: 250,
      })
      .toBe("completed");
    const left = await getDb().query.signInAttempts.findMany({ where: (t, { eq }) => eq(t.email, email) });
    expect(left).toHaveLength(0);
  });
});
