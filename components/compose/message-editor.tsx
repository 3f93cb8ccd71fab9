"use client";

import { Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { type LinkShortening, withExampleShortLinks } from "@/lib/links/short-link";
import { audienceStats } from "@/lib/messages/audience-stats";
import { findNonGsmCharacters, toGsmSafe } from "@/lib/messages/gsm-safe";
import { insertSnippet, replaceRange, withFieldName } from "@/lib/messages/insert-snippet";
import {
  type FooterLanguage,
  type MessageCategory,
  optOutWarning,
  withOptOutFooter,
} from "@/lib/messages/opt-out-footer";
import type { MessageTemplate } from "@/lib/messages/templates";
import {
  hasBlockingIssues,
  type TemplateContext,
  type TemplateIssue,
  validateTemplate,
} from "@/lib/messages/validate-template";
import type { ProviderName } from "@/lib/sms/types";
import { InsertFieldMenu } from "./insert-field-menu";
import { MessageCounterLine } from "./message-counter-line";
import { NonGsmCharacters } from "./non-gsm-characters";
import { OptOutFooterControl } from "./opt-out-footer-control";
import { exampleValues, PhonePreview } from "./phone-preview";
import type { SampleRecipient } from "./sample-recipient";
import { TemplateIssues } from "./template-issues";
import { type SavedTemplateChoice, TemplateMenu } from "./template-menu";
import { TrackLinksControl } from "./track-links-control";

export interface MessageEditorProps {
  /** The template as written, merge fields included, footer excluded (see withOptOutFooter). */
  value: string;
  onChange: (value: string) => void;
  /** Guests to preview and count; counts, cost and the preview use them all. Without them: example values. */
  sampleRecipients?: readonly SampleRecipient[];
  /** Prices the estimate (CPSMS points, smsapp.pk units); no provider, no estimate. */
  provider?: ProviderName;
  category: MessageCategory;
  optOutFooter: boolean;
  onOptOutFooterChange: (on: boolean) => void;
  /** Footer wording; controlled when onFooterLanguageChange is given (choosing a Danish template switches it). */
  footerLanguage?: FooterLanguage;
  onFooterLanguageChange?: (language: FooterLanguage) => void;
  /** False when the page has its own language picker (compose's Languages section): no second one by the footer. */
  footerLanguagePicker?: boolean;
  /** After a template replaced the text: the page may fill its other versions from the same template. */
  onTemplateChosen?: (template: MessageTemplate) => void;
  restaurantName: string;
  /** Shown on top of the phone preview; defaults to the restaurant name. */
  senderName?: string;
  /** The provider's live balance, in the same unit as the estimate; warns when the estimate exceeds it. */
  balance?: number | null;
  label?: string;
  disabled?: boolean;
  /** A guest's opt-out link at its real length (PUBLIC_URL + token): counts without an audience use it. */
  exampleOptOutUrl?: string;
  /** The restaurant's saved templates, listed first in the Templates menu, and how to delete one. */
  savedTemplates?: readonly SavedTemplateChoice[];
  onDeleteTemplate?: (template: SavedTemplateChoice) => void;
  /** Shown beside the Templates menu (compose's "Save as template"). */
  templateActions?: React.ReactNode;
  /** Whether the text carries an offer (compose): `{offer_code}` without one, or an offer without it, is an error. */
  offer?: TemplateContext["offer"];
  /** Links go out as short links (lib/links): counted and previewed as such. null/absent: as written. */
  linkShortening?: LinkShortening | null;
  /** The "Shorten and track links" switch, when the text has a link to shorten. */
  trackLinks?: { on: boolean; onChange: (on: boolean) => void; length: number };
}

/** The message editor of the compose page: text, merge fields, templates, live counts, GSM-safe fix, preview. */
export function MessageEditor(props: MessageEditorProps) {
  const { value, onChange, sampleRecipients, provider, category, optOutFooter, onOptOutFooterChange, restaurantName } =
    props;
  const footerLanguage = props.footerLanguage ?? "en";
  const t = useTranslations("Compose.editor");
  const id = useId();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const menuCaret = useRef<number | null>(null);
  const [undo, setUndo] = useState<{ previous: string; templateName: string } | null>(null);
  const [status, setStatus] = useState("");

  // Counting a large audience takes a moment; typing stays responsive while it catches up.
  const deferredValue = useDeferredValue(value);
  const sendTemplate = withOptOutFooter(
    withExampleShortLinks(deferredValue, props.linkShortening),
    optOutFooter,
    footerLanguage,
  );
  const recipients = useMemo(
    () =>
      (sampleRecipients?.length ? sampleRecipients : [{ id: "example", ...exampleValues(props.exampleOptOutUrl) }]).map(
        (r) => ({ ...r, restaurant: restaurantName }),
      ),
    [sampleRecipients, restaurantName, props.exampleOptOutUrl],
  );
  const stats = useMemo(
    () => audienceStats(sendTemplate, recipients, { provider }),
    [sendTemplate, recipients, provider],
  );
  const offerContext = props.offer;
  const issues = useMemo(
    () => validateTemplate(value, { offer: offerContext }).filter((i) => i.code !== "empty"),
    [value, offerContext],
  );
  const nonGsm = useMemo(() => findNonGsmCharacters(value), [value]);
  const optOutProblem = optOutWarning(value, category, optOutFooter);

  // Runs after each edit (the value is the trigger, not an input): puts the caret back where an inserted field ended.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect must re-run when the text changes
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    const el = textareaRef.current;
    if (caret === null || !el) return;
    pendingCaret.current = null;
    el.focus();
    el.setSelectionRange(caret, caret);
  }, [value]);

  function change(next: string, caret?: number) {
    if (caret !== undefined) pendingCaret.current = caret;
    onChange(next);
  }

  function insert(snippet: string) {
    const el = textareaRef.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    const next = insertSnippet(value, start, end, snippet);
    menuCaret.current = next.caret;
    change(next.value, next.caret);
  }

  function chooseTemplate(template: MessageTemplate) {
    setUndo(value.trim() && value !== template.body ? { previous: value, templateName: template.name } : null);
    props.onFooterLanguageChange?.(template.language);
    props.onTemplateChosen?.(template);
    menuCaret.current = template.body.length;
    change(template.body, template.body.length);
  }

  function replaceNonGsm() {
    const result = toGsmSafe(value);
    const count = result.replaced.reduce((n, r) => n + r.count, 0);
    setStatus(t("replaced", { count, kept: result.kept.length ? "yes" : "no" }));
    change(result.text);
  }

  function select(issue: TemplateIssue) {
    const el = textareaRef.current;
    el?.focus();
    el?.setSelectionRange(issue.start, issue.end);
  }

  function fix(issue: TemplateIssue) {
    if (!issue.suggestion) return;
    const fixed = withFieldName(value.slice(issue.start, issue.end), issue.suggestion);
    change(replaceRange(value, issue.start, issue.end, fixed), issue.start + fixed.length);
  }

  // After a menu choice, focus goes back to the textarea with the caret after the insert (not to the menu button).
  const focusTextarea = (event: Event) => {
    const caret = menuCaret.current;
    const el = textareaRef.current;
    if (caret === null || !el) return;
    menuCaret.current = null;
    event.preventDefault();
    el.focus();
    el.setSelectionRange(caret, caret);
  };

  const textareaId = `${id}-message`;
  // Preview beside the text only when the nearest @container (compose's message panel) is wide enough, not the
  // window: beside a recipients column at 1280 px the text box was left ~155 px.
  return (
    <div className="grid min-w-0 gap-6 @3xl:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <Label htmlFor={textareaId}>{props.label ?? t("label")}</Label>
          <div className="flex flex-wrap gap-2">
            <InsertFieldMenu onInsert={insert} onCloseAutoFocus={focusTextarea} />
            <TemplateMenu
              onChoose={chooseTemplate}
              onCloseAutoFocus={focusTextarea}
              saved={props.savedTemplates}
              onDelete={props.onDeleteTemplate}
            />
            {props.templateActions}
          </div>
        </div>
        <Textarea
          ref={textareaRef}
          id={textareaId}
          value={value}
          onChange={(e) => change(e.target.value)}
          rows={6}
          disabled={props.disabled}
          placeholder={t("placeholder")}
          className="min-h-36"
          aria-invalid={hasBlockingIssues(issues) || stats.overLimit.count > 0}
          aria-describedby={`${id}-counter ${id}-issues`}
          spellCheck
        />
        <MessageCounterLine
          id={`${id}-counter`}
          stats={stats}
          showAudience={Boolean(sampleRecipients?.length)}
          provider={provider}
          balance={props.balance}
        />
        {undo ? (
          <p className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            {t("templateReplaced", { name: undo.templateName })}
            <Button
              type="button"
              variant="ghost"
              size="sm"
              className="h-7 px-2 text-xs"
              onClick={() => {
                change(undo.previous, undo.previous.length);
                setUndo(null);
              }}
            >
              <Undo2 />
              {t("undo")}
            </Button>
          </p>
        ) : null}
        <TemplateIssues id={`${id}-issues`} issues={issues} onSelect={select} onFix={fix} />
        <NonGsmCharacters text={value} characters={nonGsm} onReplace={replaceNonGsm} />
        <p role="status" className="text-xs text-muted-foreground empty:hidden">
          {status}
        </p>
        <OptOutFooterControl
          id={id}
          on={optOutFooter}
          onChange={onOptOutFooterChange}
          language={footerLanguage}
          onLanguageChange={props.footerLanguagePicker === false ? undefined : props.onFooterLanguageChange}
          category={category}
          problem={optOutProblem}
          disabled={props.disabled}
        />
        {props.trackLinks ? <TrackLinksControl id={id} {...props.trackLinks} disabled={props.disabled} /> : null}
      </div>
      <PhonePreview
        template={sendTemplate}
        recipients={sampleRecipients ?? []}
        restaurantName={restaurantName}
        senderName={props.senderName || restaurantName}
        exampleOptOutUrl={props.exampleOptOutUrl}
      />
    </div>
  );
}
