"use client";

import { Wand2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { NonGsmCharacter } from "@/lib/messages/gsm-safe";

/**
 * The characters that make the message UCS-2 (70 instead of 160 characters per segment): each as a chip with
 * its plain look-alike, the message with them marked, and one button that swaps all the replaceable ones.
 */
export function NonGsmCharacters({
  text,
  characters,
  onReplace,
}: {
  text: string;
  characters: NonGsmCharacter[];
  onReplace: () => void;
}) {
  const t = useTranslations("Compose.nonGsm");
  if (characters.length === 0) return null;
  const replaceable = characters.filter((c) => c.replacement !== null);
  const stuck = characters.filter((c) => c.replacement === null);
  return (
    <section
      aria-labelledby="ucs2-heading"
      className="space-y-3 rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm"
    >
      <div className="space-y-1">
        <h3 id="ucs2-heading" className="font-medium">
          {t("heading", { count: characters.length })}
        </h3>
        <p className="text-xs text-muted-foreground">{t("explanation")}</p>
      </div>

      {replaceable.length > 0 ? (
        <ul aria-label={t("replaceableLabel")} className="flex flex-wrap gap-2">
          {replaceable.map((c) => (
            <li
              key={c.char}
              className="inline-flex items-center gap-1.5 rounded-md border bg-background px-2 py-1 text-xs"
            >
              <Glyph char={c.char} /> <span aria-hidden>→</span>
              <span className="sr-only">{t("becomes")}</span>
              <Glyph char={c.replacement === " " ? "␠" : c.replacement || t("nothing")} />
              <span className="text-muted-foreground">
                {c.codePoint}
                {c.count > 1 ? ` ×${c.count}` : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : null}

      {stuck.length > 0 ? (
        <div className="space-y-1">
          <p className="text-xs font-medium">{t("stuck")}</p>
          <ul aria-label={t("stuckLabel")} className="flex flex-wrap gap-2">
            {stuck.map((c) => (
              <li
                key={c.char}
                className="inline-flex items-center gap-1.5 rounded-md border bg-background px-2 py-1 text-xs"
              >
                <Glyph char={c.char} />
                <span className="text-muted-foreground">
                  {c.kind === "emoji" ? t("emoji") : c.codePoint}
                  {c.count > 1 ? ` ×${c.count}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div
        role="note"
        className="max-h-32 overflow-y-auto rounded-md border bg-background px-2 py-1.5 text-xs break-words whitespace-pre-wrap"
        aria-label={t("markedLabel")}
      >
        {markCharacters(text, characters)}
      </div>

      {replaceable.length > 0 ? (
        <Button
          type="button"
          size="sm"
          variant="outline"
          onClick={onReplace}
          className="h-auto min-h-8 max-w-full py-1.5 whitespace-normal"
        >
          <Wand2 />
          {t("replace")}
        </Button>
      ) : null}
    </section>
  );
}

function Glyph({ char }: { char: string }) {
  return <span className="min-w-4 rounded-sm bg-muted px-1 text-center font-mono text-sm text-foreground">{char}</span>;
}

/** The text split around every culprit, each wrapped in <mark>. */
function markCharacters(text: string, characters: NonGsmCharacter[]): React.ReactNode[] {
  const spots = characters
    .flatMap((c) => c.positions.map((at) => ({ at, len: c.char.length })))
    .sort((a, b) => a.at - b.at);
  const out: React.ReactNode[] = [];
  let from = 0;
  for (const { at, len } of spots) {
    if (at > from) out.push(text.slice(from, at));
    out.push(
      <mark key={at} className="rounded-sm bg-warning/30 px-0.5 text-foreground">
        {text.slice(at, at + len)}
      </mark>,
    );
    from = at + len;
  }
  if (from < text.length) out.push(text.slice(from));
  return out;
}
