import { LinkIcon } from "lucide-react";

/** An unknown or mistyped opt-out link: say so plainly, with a way forward. */
export default function OptOutNotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <div className="w-full max-w-sm space-y-4 rounded-xl border bg-card p-6 text-center shadow-sm">
        <LinkIcon className="mx-auto size-10 text-muted-foreground" aria-hidden />
        <h1 className="text-xl font-semibold">We don&apos;t recognise this link</h1>
        <p className="text-sm text-muted-foreground">
          It may be incomplete: check that the whole link from the text message was opened. If you still want to stop
          our texts, tell the restaurant and they will remove you.
        </p>
      </div>
    </main>
  );
}
