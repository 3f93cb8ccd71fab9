"use client";

import { FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { ProgressBar } from "@/components/campaigns/progress-bar";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { type ColumnMapping, IMPORT_FIELDS } from "@/lib/contacts/import/column-mapping";
import type { ImportAnalysis, ImportResult } from "@/lib/contacts/import/import-contacts";
import type { PreviewFilter } from "@/lib/contacts/import/import-preview";
import { errorOf } from "./error-of";
import { ImportPreviewTable } from "./import-preview-table";
import { ImportResultCard } from "./import-result";
import { useKeptPreview } from "./use-kept-preview";

type Props = { maxBytes: number; groups: { id: string; name: string }[]; defaultWording: string };
type Phase =
  | { kind: "idle" }
  | { kind: "analyzing" }
  | { kind: "ready" }
  | { kind: "importing"; done: number; total: number }
  | { kind: "done"; result: ImportResult };

/** Upload → map columns → preview → options → import with progress → result and rejected-rows report. */
export function ImportWizard({ maxBytes, groups, defaultWording }: Props) {
  const t = useTranslations("Contacts.import");
  const words = { answered: (status: number) => t("status.answered", { status }), tooLarge: t("status.tooLarge") };
  const [file, setFile] = useState<File | null>(null);
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [existing, setExisting] = useState<"skip" | "update">("skip");
  // What the file says about marketing consent: nothing, "agreed" (with the wording), or an unsubscribe list.
  const [consentMode, setConsentMode] = useState<"none" | "granted" | "opted-out">("none");
  const consented = consentMode === "granted";
  const [wording, setWording] = useState(defaultWording);
  const [groupId, setGroupId] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const query = (f: File, options: object) =>
    `?name=${encodeURIComponent(f.name)}&options=${encodeURIComponent(JSON.stringify(options))}`;

  async function analyze(
    f: File,
    nextMapping?: ColumnMapping,
    view?: { page: number; filter: PreviewFilter },
  ): Promise<ImportAnalysis | null> {
    setError(null);
    setPhase({ kind: "analyzing" });
    try {
      const res = await fetch(
        `/contacts/import/analyze${query(f, { ...(nextMapping ? { mapping: nextMapping } : {}), ...view })}`,
        {
          method: "POST",
          headers: { "content-type": "text/csv" },
          body: f,
        },
      );
      if (!res.ok) {
        setError(await errorOf(res, words));
        setPhase({ kind: "idle" });
        if (!nextMapping) setAnalysis(null);
        return null;
      }
      const data = (await res.json()) as ImportAnalysis;
      setAnalysis(data);
      setMapping(data.mapping);
      setPhase({ kind: "ready" });
      return data;
    } catch {
      setError(t("wizard.sendFailed"));
      setPhase({ kind: "idle" });
      return null;
    }
  }

  const kept = useKeptPreview({ file, analysis, mapping, analyze, setAnalysis });

  function choose(f: File | undefined) {
    setAnalysis(null);
    setMapping(null);
    setPhase({ kind: "idle" });
    setFormError(null);
    if (!f) return;
    setFile(f);
    if (f.size > maxBytes) {
      setError(t("file.tooLarge", { size: f.size / 1024 / 1024, max: maxBytes / 1024 / 1024 }));
      return;
    }
    void analyze(f);
  }

  function remap(field: (typeof IMPORT_FIELDS)[number], value: string) {
    if (!mapping || !file) return;
    const next = { ...mapping, [field]: value === "" ? null : Number(value) };
    setMapping(next);
    if (next.phone !== null) void analyze(file, next);
  }

  async function runImport() {
    if (!file || !mapping || !analysis) return;
    if (mapping.phone === null) {
      setFormError(t("errors.noPhoneColumn"));
      return;
    }
    if (consented && !wording.trim()) {
      setFormError(t("wizard.wordingRequired"));
      return;
    }
    setFormError(null);
    setPhase({ kind: "importing", done: 0, total: analysis.rows });
    const options = {
      mapping,
      existing,
      consentWording: consented ? wording.trim() : null,
      optOut: consentMode === "opted-out",
      groupId: groupId || null,
    };
    try {
      const res = await fetch(`/contacts/import/run${query(file, options)}`, {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: file,
      });
      if (!res.ok || !res.body) {
        setFormError(await errorOf(res, words));
        setPhase({ kind: "ready" });
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (!line.trim()) continue;
          const msg = JSON.parse(line) as
            | { type: "progress"; done: number; total: number }
            | { type: "done"; result: ImportResult }
            | { type: "error"; error: { message: string } };
          if (msg.type === "progress") setPhase({ kind: "importing", done: msg.done, total: msg.total });
          else if (msg.type === "done") setPhase({ kind: "done", result: msg.result });
          else {
            setFormError(t("wizard.nothingImported", { error: msg.error.message }));
            setPhase({ kind: "ready" });
          }
        }
      }
    } catch {
      setFormError(t("wizard.connectionLost"));
      setPhase({ kind: "ready" });
    }
  }

  if (phase.kind === "done") return <ImportResultCard result={phase.result} />;

  const busy = phase.kind === "analyzing" || phase.kind === "importing";

  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>{t("wizard.step1")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-3">
          <input
            ref={inputRef}
            id="csv-file"
            type="file"
            accept=".csv,.txt,text/csv"
            aria-label={t("wizard.csvFile")}
            className="sr-only"
            onChange={(e) => choose(e.target.files?.[0])}
          />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="button" variant="outline" onClick={() => inputRef.current?.click()} disabled={busy}>
              <FileUp aria-hidden /> {file ? t("wizard.chooseAnother") : t("wizard.choose")}
            </Button>
            {file ? (
              <span className="text-sm text-muted-foreground">
                {t("wizard.fileInfo", { name: file.name, size: file.size / 1024 })}
              </span>
            ) : null}
          </div>
          <p className="text-xs text-muted-foreground">{t("wizard.fileHint")}</p>
          {phase.kind === "analyzing" ? <p className="text-sm">{t("wizard.reading")}</p> : null}
          {error ? (
            <Alert variant="destructive" data-testid="import-error">
              <AlertTitle>{t("wizard.cannotImport")}</AlertTitle>
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
        </CardContent>
      </Card>

      {analysis && mapping ? (
        <>
          <Card>
            <CardHeader>
              <CardTitle>{t("wizard.step2")}</CardTitle>
            </CardHeader>
            <CardContent>
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                {IMPORT_FIELDS.map((field) => (
                  <div key={field} className="space-y-1">
                    <Label htmlFor={`map-${field}`}>{t(`fields.${field}`)}</Label>
                    <NativeSelect
                      id={`map-${field}`}
                      value={mapping[field] ?? ""}
                      onChange={(e) => remap(field, e.target.value)}
                      disabled={busy}
                    >
                      <option value="">{field === "phone" ? t("wizard.chooseColumn") : t("wizard.notInFile")}</option>
                      {analysis.headers.map((h, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a column's place in the file is its identity (the option's value)
                        <option key={i} value={i}>
                          {h}
                        </option>
                      ))}
                    </NativeSelect>
                  </div>
                ))}
              </div>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("wizard.step3")}</CardTitle>
            </CardHeader>
            <CardContent>
              <ImportPreviewTable
                analysis={analysis}
                loading={kept.loading || phase.kind === "analyzing"}
                error={kept.error}
                onShow={(page, filter) => void kept.show(page, filter)}
                onDownloadRejected={() => void kept.downloadRejected()}
              />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("wizard.step4")}</CardTitle>
            </CardHeader>
            <CardContent className="space-y-4">
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">{t("wizard.existing")}</legend>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="existing"
                    className="size-4 accent-primary"
                    checked={existing === "skip"}
                    onChange={() => setExisting("skip")}
                  />
                  {t("wizard.skip")}
                </label>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="existing"
                    className="size-4 accent-primary"
                    checked={existing === "update"}
                    onChange={() => setExisting("update")}
                  />
                  {t("wizard.update")}
                </label>
              </fieldset>
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">{t("wizard.consent")}</legend>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="consent"
                    className="mt-0.5 size-4 accent-primary"
                    checked={consentMode === "none"}
                    onChange={() => setConsentMode("none")}
                  />
                  <span>{t("wizard.consentNone")}</span>
                </label>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="consent"
                    className="mt-0.5 size-4 accent-primary"
                    checked={consented}
                    onChange={() => setConsentMode("granted")}
                  />
                  <span>{t("wizard.consentGranted")}</span>
                </label>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="consent"
                    className="mt-0.5 size-4 accent-primary"
                    checked={consentMode === "opted-out"}
                    onChange={() => setConsentMode("opted-out")}
                  />
                  <span>{t("wizard.consentOptedOut")}</span>
                </label>
                {consentMode === "opted-out" ? (
                  <p className="pl-6 text-xs text-muted-foreground">{t("wizard.optedOutHint")}</p>
                ) : null}
                {consented ? (
                  <div className="space-y-1 pl-6">
                    <Label htmlFor="import-wording">{t("wizard.wording")}</Label>
                    <Textarea
                      id="import-wording"
                      rows={3}
                      value={wording}
                      onChange={(e) => setWording(e.target.value)}
                    />
                    <p className="text-xs text-muted-foreground">{t("wizard.wordingHint")}</p>
                  </div>
                ) : null}
              </fieldset>
              <div className="max-w-xs space-y-1">
                <Label htmlFor="import-group">{t("wizard.group")}</Label>
                <NativeSelect id="import-group" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
                  <option value="">{t("wizard.noGroup")}</option>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </NativeSelect>
              </div>
              {phase.kind === "importing" ? (
                <div className="space-y-1" data-testid="import-progress">
                  <ProgressBar
                    value={phase.total ? (phase.done / phase.total) * 100 : 0}
                    label={t("wizard.progress")}
                  />
                  <p className="text-xs text-muted-foreground">
                    {t("wizard.progressText", { done: phase.done, total: phase.total })}
                  </p>
                </div>
              ) : null}
              <FieldError>{formError}</FieldError>
              <Button onClick={runImport} disabled={busy || analysis.valid === 0}>
                {t("wizard.submit", { count: analysis.valid })}
              </Button>
            </CardContent>
          </Card>
        </>
      ) : null}
    </div>
  );
}
