import { beforeEach, describe, expect, it, vi } from "vitest";

const sonner = vi.hoisted(() => ({ success: vi.fn(), error: vi.fn(), warning: vi.fn(), info: vi.fn() }));
vi.mock("sonner", () => ({ toast: sonner }));

// Module state (requested, ready) is per import: each test gets a fresh copy.
async function fresh() {
  vi.resetModules();
  return import("./toast");
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("lazy toast", () => {
  beforeEach(() => {
    for (const fn of Object.values(sonner)) fn.mockReset();
  });

  it("asks the layout to mount the Toaster at the first toast and shows it once the Toaster listens", async () => {
    const { toast, onToasterRequested, toasterReady } = await fresh();
    const mount = vi.fn();
    onToasterRequested(mount);
    expect(mount).not.toHaveBeenCalled();

    toast.success("Saved");
    toast.warning("CPSMS kept the old name");
    expect(mount).toHaveBeenCalledTimes(1);
    await flush();
    expect(sonner.success).not.toHaveBeenCalled(); // sonner would drop it: nobody subscribed yet

    toasterReady();
    await vi.waitFor(() => expect(sonner.warning).toHaveBeenCalledWith("CPSMS kept the old name"));
    expect(sonner.success).toHaveBeenCalledWith("Saved");
    expect(sonner.success.mock.invocationCallOrder[0]).toBeLessThan(sonner.warning.mock.invocationCallOrder[0] ?? 0);
  });

  it("mounts at once when a toast was asked for before the layout's component was there", async () => {
    const { toast, onToasterRequested, toasterReady } = await fresh();
    toast.error("Not sent");
    const mount = vi.fn();
    onToasterRequested(mount);
    expect(mount).toHaveBeenCalledTimes(1);
    toasterReady();
    await vi.waitFor(() => expect(sonner.error).toHaveBeenCalled());
    expect(sonner.error).toHaveBeenCalledWith("Not sent");
  });

  it("asks for the Toaster only once", async () => {
    const { toast, onToasterRequested, toasterReady } = await fresh();
    const mount = vi.fn();
    onToasterRequested(mount);
    toasterReady();
    toast.info("a");
    toast.info("b");
    await vi.waitFor(() => expect(sonner.info).toHaveBeenCalledTimes(2));
    expect(mount).toHaveBeenCalledTimes(1);
    expect(sonner.info).toHaveBeenCalledTimes(2);
  });
});
