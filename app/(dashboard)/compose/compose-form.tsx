"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState } from "react";
import { MessageEditor } from "@/components/compose/message-editor";
import type { SampleRecipient } from "@/components/compose/sample-recipient";
import type { TestRecipientOption } from "@/components/test-sends/test-recipient-select";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { useAction } from "@/lib/actions/use-action";
import type { AudiencePreview, GroupOption } from "@/lib/campaigns/compose/preview-audience";
import { hasTrackableLink } from "@/lib/links/find-links";
import { type LinkShortening, withExampleShortLinks } from "@/lib/links/short-link";
import { type MessageTranslation, versionLanguageFor } from "@/lib/messages/message-versions";
import { defaultOptOutFooter, type FooterLanguage } from "@/lib/messages/opt-out-footer";
import type { SavedTemplateItem } from "@/lib/messages/saved-templates";
import { type MessageTemplate, templateInLanguage } from "@/lib/messages/templates";
import { PROVIDER_LABELS } from "@/lib/providers/provider-names";
import { senderProblemOf } from "@/lib/providers/sender-rules";
import { PROVIDER_INFO, PROVIDER_NAMES, providerInfo } from "@/lib/sms/providers";
import type { ProviderName } from "@/lib/sms/types";
import { checkComposeAction, composeAction, deleteTemplateAction, previewAudienceAction } from "./actions";
import { AudiencePicker, type AudienceValue } from "./audience-picker";
import { AudienceSummary } from "./audience-summary";
import { ConfirmSendDialog } from "./confirm-send-dialog";
import { MessageVersionsEditor } from "./message-versions-editor";
import { OfferPicker, type OfferValue } from "./offer-picker";
import { ProviderCosts } from "./provider-costs";
import { SaveTemplateDialog } from "./save-template-dialog";
import { SchedulePicker, type ScheduleValue } from "./schedule-picker";
import { SendTestBox } from "./send-test-box";

type Props = {
  restaurantName: string;
  /** The restaurant's default language (Settings > Restaurant): what a new message starts out written in. */
  defaultLanguage: FooterLanguage;
  timeZone: string;
  quietHours: string;
  groups: GroupOption[];
  defaultSenders: Record<ProviderName, string | null>;
  canApprove: boolean;
  initialGroupId?: string;
  /** A guest's opt-out link at its real length, for counts before an audience is chosen. */
  exampleOptOutUrl: string;
  /** Our origin and a short link of the real length: links in a promotion are counted as sent. */
  linkShortening: LinkShortening;
  savedTemplates: SavedTemplateItem[];
  userId: string;
  /** The phones "Send test" may go to: the user's verified phone, then the staff phones. */
  testRecipients: TestRecipientOption[];
};

/** The compose page: who, what, through which provider and sender, and when. */
export function ComposeForm(props: Props) {
  const id = useId();
  const router = useRouter();
  const t = useTranslations("Compose.form");
  const tProviders = useTranslations("Providers");
  const [first, second] = PROVIDER_NAMES.map((p) => PROVIDER_INFO[p]);
  /** "+45 numbers go through CPSMS, +92 through smsapp.pk. Leave empty for each provider's default sender." */
  const autoSenderHint = t("autoSenderHint", {
    prefix1: first?.country.prefix ?? "",
    provider1: first?.shortLabel ?? "",
    prefix2: second?.country.prefix ?? "",
    provider2: second?.shortLabel ?? "",
  });
  const [audience, setAudience] = useState<AudienceValue>({
    category: "marketing",
    groupIds: props.initialGroupId ? [props.initialGroupId] : [],
    contacts: [],
    numbers: "",
  });
  const [provider, setProvider] = useState<ProviderName | "auto">("auto");
  const [sender, setSender] = useState("");
  const [message, setMessage] = useState("");
  const [optOutFooter, setOptOutFooter] = useState(defaultOptOutFooter("marketing"));
  const [footerLanguage, setFooterLanguage] = useState<FooterLanguage>(props.defaultLanguage);
  const [translations, setTranslations] = useState<MessageTranslation[]>([]);
  // "Shorten and track links": on unless turned off; it applies (and shows) once a promotion's text has a link.
  const [trackLinksChoice, setTrackLinksChoice] = useState(true);
  const [schedule, setSchedule] = useState<ScheduleValue>({ mode: "now" });
  const [offer, setOffer] = useState<OfferValue>(null);
  // Only promotions carry offers: a service message sends none, whatever was typed before switching.
  const sentOffer = audience.category === "marketing" ? offer : null;
  const [name, setName] = useState("");
  const [preview, setPreview] = useState<AudiencePreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [savedTemplates, setSavedTemplates] = useState(props.savedTemplates);
  // Authors delete their own templates; managers and owners (canApprove) any.
  const templateChoices = savedTemplates.map((t) => ({
    ...t,
    deletable: props.canApprove || t.createdById === props.userId,
  }));

  const { run: runDeleteTemplate } = useAction(deleteTemplateAction, {
    success: (_data, { id }) => t("templateDeleted", { name: savedTemplates.find((t) => t.id === id)?.name ?? "" }),
    onSuccess: (data) => setSavedTemplates(data.templates),
  });
  const deleteTemplate = (template: { id: string }) => runDeleteTemplate({ id: template.id });

  const previewAction = useAction(previewAudienceAction, { errors: "inline", onSuccess: setPreview });
  const { run: runPreview, reset: resetPreview } = previewAction;
  const previewError = previewAction.error?.message ?? null;

  const audienceInput = useMemo(
    () => ({
      category: audience.category,
      groupIds: audience.groupIds,
      contactIds: audience.contacts.map((c) => c.id),
      numbers: audience.numbers,
    }),
    [audience],
  );
  // The frequency cap is counted at the chosen time (a complete one), else now.
  const previewAt =
    schedule.mode === "later" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(schedule.localDateTime)
      ? schedule.localDateTime
      : null;
  const hasAudience =
    audienceInput.groupIds.length > 0 || audienceInput.contactIds.length > 0 || audienceInput.numbers.trim() !== "";

  useEffect(() => {
    if (!hasAudience) {
      setPreview(null);
      resetPreview();
      return;
    }
    const timer = setTimeout(() => runPreview({ ...audienceInput, provider, sendAt: previewAt }), 350);
    return () => clearTimeout(timer);
  }, [audienceInput, provider, previewAt, hasAudience, runPreview, resetPreview]);

  const changeCategory = (next: AudienceValue) => {
    if (next.category !== audience.category) setOptOutFooter(defaultOptOutFooter(next.category));
    setAudience(next);
  };

  const providersUsed = preview
    ? (Object.keys(preview.byProvider) as ProviderName[]).filter((p) => preview.byProvider[p] > 0)
    : [];
  const pricedProvider = provider !== "auto" ? provider : providersUsed.length === 1 ? providersUsed[0] : undefined;
  const samples: SampleRecipient[] | undefined = preview?.recipients.length ? preview.recipients : undefined;
  const hasLink = useMemo(
    () =>
      [message, ...translations.map((v) => v.message)].some((m) => hasTrackableLink(m, props.linkShortening.origin)),
    [message, translations, props.linkShortening],
  );
  const trackLinks = audience.category === "marketing" && hasLink && trackLinksChoice;
  const shortening = trackLinks ? props.linkShortening : null;
  // One object per change, not per render: the cost table recounts every sampled guest when it changes.
  const versions = useMemo(
    () => ({ language: footerLanguage, message, translations }),
    [footerLanguage, message, translations],
  );
  // What the cost table prices: every link as the short link it goes out as.
  const sentVersions = useMemo(
    () => ({
      ...versions,
      message: withExampleShortLinks(versions.message, shortening),
      translations: versions.translations.map((v) => ({ ...v, message: withExampleShortLinks(v.message, shortening) })),
    }),
    [versions, shortening],
  );
  // The editor counts and previews the guests who get the main text; each other version counts its own.
  const mainSamples = samples?.filter(
    (s) => versionLanguageFor((s as { language?: string | null }).language, versions) === footerLanguage,
  );

  /** The main text's language; a version already in that language swaps places with the main text. */
  const changeMainLanguage = (next: FooterLanguage) => {
    if (next === footerLanguage) return;
    const existing = translations.find((v) => v.language === next);
    if (existing) {
      setTranslations((all) => all.map((v) => (v.language === next ? { language: footerLanguage, message } : v)));
      setMessage(existing.message);
    }
    setFooterLanguage(next);
  };
  /** A starter template in several languages fills every version it has a text for. */
  const fillVersions = (template: MessageTemplate) =>
    setTranslations((all) =>
      all.map((v) => ({ ...v, message: templateInLanguage(template, v.language)?.body ?? v.message })),
    );
  const senderHints = (provider === "auto" ? (providersUsed.length ? providersUsed : PROVIDER_NAMES) : [provider]).map(
    (p) => {
      const effective = sender.trim() || props.defaultSenders[p] || "";
      const found = sender.trim() ? senderProblemOf(p, sender) : null;
      const problem = found
        ? tProviders(`senderProblems.${found.key}`, ("values" in found ? found.values : undefined) as never)
        : null;
      return { provider: p, problem, effective };
    },
  );
  const senderError = senderHints.find((h) => h.problem);
  // What a provider's sender handling costs, for each provider this send uses (smsapp.pk's bulk API can't carry a
  // sender: a chosen one goes one message per call, see the README).
  const senderNotes = PROVIDER_NAMES.flatMap((p) => {
    const note = providerInfo(p).senderNote;
    const guests = provider === p ? (preview?.total ?? 0) : (preview?.byProvider[p] ?? 0);
    if (!note || !(guests > 0 || provider === p)) return [];
    const { key, values } = note(senderHints.find((h) => h.provider === p)?.effective ?? "", guests);
    return [{ provider: p, text: tProviders(`info.${p}.${key}` as never, values as never) }];
  });

  const payload = () => ({
    ...audienceInput,
    name: name.trim() || defaultName(message),
    message,
    optOutFooter,
    footerLanguage,
    translations,
    provider,
    sender,
    trackLinks,
    schedule,
    offer: sentOffer,
  });

  // Every server check runs when Send is pressed, so a problem (quiet hours, balance, sender) shows once, here,
  // before the confirm dialog; a toast on top would cover the Send button.
  const checkAction = useAction(checkComposeAction, { errors: "inline", onSuccess: () => setConfirming(true) });
  const composeRun = useAction(composeAction, {
    errors: "inline",
    success: ({ campaigns, recurringSendId }) => {
      if (recurringSendId) return t("repeatingSetUp");
      const total = campaigns.reduce((n, c) => n + c.recipients, 0);
      const outcome = campaigns[0]?.status === "draft" ? "draft" : schedule.mode === "later" ? "scheduled" : "sent";
      return t(`done.${outcome}`, { count: total });
    },
    onSuccess: ({ campaigns, recurringSendId }) =>
      router.push(
        recurringSendId
          ? "/campaigns#repeating"
          : campaigns.length === 1
            ? `/campaigns/${campaigns[0]?.id}`
            : "/campaigns",
      ),
  });
  const checking = checkAction.pending;
  const submitting = composeRun.pending;
  const error = (composeRun.error ?? checkAction.error)?.message ?? null;

  const check = () => {
    checkAction.reset();
    composeRun.reset();
    checkAction.run(payload());
  };

  const submit = () => {
    setConfirming(false);
    composeRun.run(payload());
  };

  const verb = t(
    `verbs.${!props.canApprove ? "approval" : schedule.mode === "weekly" ? "weekly" : schedule.mode === "later" ? "later" : "now"}`,
  );

  return (
    <form
      className="grid grid-cols-1 gap-6"
      onSubmit={(e) => {
        e.preventDefault();
        check();
      }}
    >
      {/* Recipients above the message, each full width: side by side, the message box was left ~155 px at 1280. */}
      <section
        aria-labelledby={`${id}-who`}
        className="@container space-y-4 rounded-xl border bg-card p-4 shadow-xs sm:p-6"
      >
        <h2 id={`${id}-who`} className="text-base font-semibold">
          {t("recipientsTitle")}
        </h2>
        <div className="grid gap-4 @3xl:grid-cols-[minmax(0,1fr)_minmax(0,20rem)] @3xl:items-start">
          <AudiencePicker value={audience} onChange={changeCategory} groups={props.groups} />
          <AudienceSummary
            preview={preview}
            pending={previewAction.pending}
            error={previewError}
            scheduleMode={schedule.mode}
          />
        </div>
      </section>

      <section
        aria-labelledby={`${id}-what`}
        className="@container space-y-5 rounded-xl border bg-card p-4 shadow-xs sm:p-6"
      >
        <h2 id={`${id}-what`} className="text-base font-semibold">
          {t("messageTitle")}
        </h2>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-provider`}>{t("providerLabel")}</Label>
            <NativeSelect
              id={`${id}-provider`}
              value={provider}
              onChange={(e) => setProvider(e.target.value as ProviderName | "auto")}
            >
              <option value="auto">{t("providerAuto")}</option>
              {PROVIDER_NAMES.map((p) => (
                <option key={p} value={p}>
                  {PROVIDER_LABELS[p]}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={`${id}-sender`}>{t("senderLabel")}</Label>
            <Input
              id={`${id}-sender`}
              value={sender}
              onChange={(e) => setSender(e.target.value)}
              placeholder={
                PROVIDER_NAMES.map((p) => props.defaultSenders[p]).find((s) => s !== null) ?? t("senderPlaceholder")
              }
              aria-invalid={senderError ? true : undefined}
              aria-describedby={`${id}-sender-help`}
            />
            <p
              id={`${id}-sender-help`}
              className={senderError ? "text-xs text-destructive" : "text-xs text-muted-foreground"}
            >
              {senderError
                ? `${PROVIDER_LABELS[senderError.provider]}: ${senderError.problem}`
                : provider === "auto"
                  ? autoSenderHint
                  : tProviders(`info.${provider}.senderRules` as never)}
            </p>
            {senderNotes.map((note) => (
              <p
                key={note.provider}
                className="text-xs text-muted-foreground"
                data-testid={`${note.provider}-sender-note`}
              >
                {note.text}
              </p>
            ))}
          </div>
        </div>

        <MessageEditor
          value={message}
          onChange={setMessage}
          sampleRecipients={translations.length ? mainSamples : samples}
          provider={pricedProvider}
          category={audience.category}
          optOutFooter={optOutFooter}
          onOptOutFooterChange={setOptOutFooter}
          footerLanguage={footerLanguage}
          onFooterLanguageChange={changeMainLanguage}
          footerLanguagePicker={false}
          onTemplateChosen={fillVersions}
          restaurantName={props.restaurantName}
          senderName={sender.trim() || undefined}
          exampleOptOutUrl={props.exampleOptOutUrl}
          linkShortening={shortening}
          trackLinks={
            audience.category === "marketing" && hasLink
              ? { on: trackLinksChoice, onChange: setTrackLinksChoice, length: props.linkShortening.exampleUrl.length }
              : undefined
          }
          savedTemplates={templateChoices}
          onDeleteTemplate={deleteTemplate}
          offer={sentOffer ? "required" : "none"}
          templateActions={
            <SaveTemplateDialog
              body={message}
              category={audience.category}
              language={footerLanguage}
              suggestedName={name.trim() || defaultName(message)}
              onSaved={setSavedTemplates}
            />
          }
        />
        <MessageVersionsEditor
          language={footerLanguage}
          onLanguageChange={changeMainLanguage}
          translations={translations}
          onTranslationsChange={setTranslations}
          byLanguage={preview ? preview.byLanguage : null}
          total={preview?.total ?? 0}
          samples={preview?.recipients}
          optOutFooter={optOutFooter}
          provider={pricedProvider}
          restaurantName={props.restaurantName}
          exampleOptOutUrl={props.exampleOptOutUrl}
          linkShortening={shortening}
        />
        {audience.category === "marketing" && (
          <OfferPicker value={offer} onChange={setOffer} message={message} timeZone={props.timeZone} />
        )}
        {preview && preview.total > 0 ? (
          <ProviderCosts
            versions={sentVersions}
            optOutFooter={optOutFooter}
            preview={preview}
            restaurantName={props.restaurantName}
          />
        ) : null}
        {preview?.sampled && (
          <p className="text-xs text-muted-foreground">{t("sampled", { count: preview.recipients.length })}</p>
        )}

        <SchedulePicker
          value={schedule}
          onChange={setSchedule}
          timeZone={props.timeZone}
          quietHours={props.quietHours}
          heldBy={
            (provider === "auto" ? providersUsed : [provider]).find((p) => PROVIDER_INFO[p].schedulesAtProvider) ?? null
          }
          canRepeat={props.canApprove}
        />

        <div className="space-y-1.5">
          <Label htmlFor={`${id}-name`}>{t("nameLabel")}</Label>
          <Input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={defaultName(message) || t("namePlaceholder")}
            maxLength={80}
          />
        </div>

        <SendTestBox
          recipients={props.testRecipients}
          message={message}
          category={audience.category}
          optOutFooter={optOutFooter}
          footerLanguage={footerLanguage}
          provider={provider}
          sender={sender}
          offer={sentOffer}
        />

        {error && (
          <Alert variant="destructive" role="alert">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {!props.canApprove && (
            <p className="text-xs text-muted-foreground sm:mr-auto sm:self-center">{t("approvalNote")}</p>
          )}
          <Button type="submit" disabled={submitting || checking || !message.trim() || !preview || preview.total === 0}>
            {submitting ? t("working") : checking ? t("checking") : verb}
          </Button>
        </div>
      </section>

      <ConfirmSendDialog
        open={confirming}
        onOpenChange={setConfirming}
        verb={verb}
        total={preview?.total ?? 0}
        providers={providersUsed}
        schedule={schedule}
        timeZone={props.timeZone}
        onConfirm={submit}
      />
    </form>
  );
}

/** A name from the message's first words, so a campaign is recognisable even when staff skip the field. */
function defaultName(message: string) {
  return message
    .replace(/\{[^}]*\}/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 40);
}
