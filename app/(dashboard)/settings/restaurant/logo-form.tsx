"use client";

import { ImageUp, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-message";
import { useAction } from "@/lib/actions/use-action";
import { LOGO_HEAD_BYTES, LOGO_MAX_BYTES, logoProblem } from "@/lib/restaurant/logo-type";
import { removeLogoAction, uploadLogoAction } from "./actions";

/**
 * The logo: a preview, a button that uploads the chosen file at once and one that removes it. A file that would
 * be refused (too large, not PNG, JPEG or WebP by its bytes) is caught here first, before it is sent; the server
 * checks again.
 */
export function LogoForm({ src }: { src: string | null }) {
  const t = useTranslations("Settings.restaurant.logo");
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useAction(uploadLogoAction, { errors: "inline", success: t("saved") });
  const remove = useAction(removeLogoAction, { success: t("removed") });
  const pending = upload.pending || remove.pending;
  const error = problem ?? upload.error?.message ?? null;

  async function send(file: File | undefined) {
    if (!file) return;
    setProblem(null);
    upload.reset();
    const head = new Uint8Array(await file.slice(0, LOGO_HEAD_BYTES).arrayBuffer());
    const found = logoProblem(file.size, head);
    if (found) {
      setProblem(t(`errors.${found}`, { size: Math.ceil(file.size / 1024), max: LOGO_MAX_BYTES / 1024 }));
    } else {
      const form = new FormData();
      form.set("logo", file);
      await upload.run(form);
    }
    // The same file can be chosen again after a fix elsewhere.
    if (input.current) input.current.value = "";
  }

  return (
    <div className="grid max-w-xl gap-3">
      <div className="flex flex-wrap items-center gap-4">
        {/* White in the dark theme too: the logo is printed on white cards, and a dark logo must stay visible. */}
        <div className="flex h-20 w-40 items-center justify-center rounded-md border bg-white p-2">
          {src ? (
            // biome-ignore lint/performance/noImgElement: our own route serves it as uploaded (512 kB at most), cached for good by version.
            <img src={src} alt={t("preview")} className="max-h-full max-w-full object-contain" />
          ) : (
            <span className="text-xs text-neutral-500">{t("none")}</span>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          <input
            ref={input}
            id="logo-file"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="sr-only"
            tabIndex={-1}
            aria-label={t("choose")}
            aria-describedby={hintId}
            onChange={(e) => send(e.currentTarget.files?.[0])}
            disabled={pending}
          />
          <Button type="button" variant="outline" disabled={pending} onClick={() => input.current?.click()}>
            <ImageUp aria-hidden /> {upload.pending ? t("uploading") : src ? t("replace") : t("upload")}
          </Button>
          {src ? (
            <Button
              type="button"
              variant="ghost"
              disabled={pending}
              onClick={() => {
                setProblem(null);
                remove.run({ remove: true });
              }}
            >
              <Trash2 aria-hidden /> {t("remove")}
            </Button>
          ) : null}
        </div>
      </div>
      <p id={hintId} className="text-xs text-muted-foreground">
        {t("hint", { max: LOGO_MAX_BYTES / 1024 })}
      </p>
      <FieldError>{error}</FieldError>
    </div>
  );
}
