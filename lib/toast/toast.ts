"use client";

/**
 * Toasts whose library loads with the first one, not with every page: sonner and its stylesheet were ~10 kB of
 * every page's script on a phone, and most visits never show a toast. `toast.success(...)` asks the root
 * layout's `LazyToaster` to mount the real `<Toaster>`, waits until it is listening (sonner drops toasts sent
 * before a Toaster subscribes), then hands the message to sonner. Same calls as sonner's `toast` for what we use.
 */

type Kind = "success" | "error" | "warning" | "info";

let requested = false;
let mountListener: (() => void) | null = null;
let markReady: () => void = () => {};
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});
// One promise for the library, so toasts shown before it arrives keep their order (a success, then its warning).
let sonner: Promise<typeof import("sonner")> | null = null;

/** For `LazyToaster`: called once it mounts; `mount` renders the real Toaster (at once if a toast is waiting). */
export function onToasterRequested(mount: () => void) {
  mountListener = mount;
  if (requested) mount();
  return () => {
    if (mountListener === mount) mountListener = null;
  };
}

/** For `LazyToaster`: the real Toaster has mounted and subscribed. */
export function toasterReady() {
  markReady();
}

function show(kind: Kind, message: string) {
  if (!requested) {
    requested = true;
    mountListener?.();
  }
  sonner ??= ready.then(() => import("sonner"));
  void sonner.then((m) => m.toast[kind](message));
}

export const toast = {
  success: (message: string) => show("success", message),
  error: (message: string) => show("error", message),
  warning: (message: string) => show("warning", message),
  info: (message: string) => show("info", message),
};
