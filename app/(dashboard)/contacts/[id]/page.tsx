import { Download, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { consentHistory } from "@/lib/consent/consent-ledger";
import { defaultConsentWording } from "@/lib/consent/default-wording";
import { optOutUrl } from "@/lib/consent/opt-out-link";
import { birthdayDate } from "@/lib/contacts/birthday";
import { getContact } from "@/lib/contacts/manage-contacts";
import { formatPhone } from "@/lib/contacts/phone";
import { getDb } from "@/lib/db";
import { groupsOfContact } from "@/lib/groups/manage-groups";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { isConsentSource, isOfferedLanguage } from "@/lib/validation/contacts";
import { visitSummary } from "@/lib/visits/visit-summary";
import { ConsentBadge } from "../consent-badge";
import { ConsentPanel } from "./consent-panel";
import { DangerZone } from "./danger-zone";
import { GuestMessages } from "./guest-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Contacts.detail");
  return { title: t("title") };
}

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = getDb();
  const [contact, history, groups, settings, visitsMade] = await Promise.all([
    getContact(db, id),
    consentHistory(db, id),
    groupsOfContact(db, id),
    getRestaurantSettings(db),
    visitSummary(db, id),
  ]);
  if (!contact) notFound();
  const [t, tContacts, tCommon, format] = await Promise.all([
    getTranslations("Contacts.detail"),
    getTranslations("Contacts"),
    getTranslations("Common"),
    getFormatter(),
  ]);
  const isManager = hasRole(user.role, "manager");
  const name = `${contact.firstName} ${contact.lastName}`.trim() || t("noName");
  const when = (d: Date) => format.dateTime(d, "moment");
  const language = contact.language ?? "";
  const byWhom = (d: Date, by: string | null) => (by ? t("atBy", { when: when(d), by }) : when(d));
  const detail = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 py-1.5 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="col-span-2 min-w-0 break-words">{value || <span className="text-muted-foreground">—</span>}</dd>
    </div>
  );
  return (
    <>
      <PageHeader
        title={name}
        description={formatPhone(contact.phone)}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href={`/contacts/${contact.id}/edit`}>
                <Pencil aria-hidden /> {tCommon("edit")}
              </Link>
            </Button>
            {isManager ? (
              <Button asChild variant="outline">
                <a href={`/contacts/${contact.id}/gdpr-export`} download>
                  <Download aria-hidden /> {t("exportEverything")}
                </a>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("details")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="divide-y">
              {detail(t("phone"), <span className="tabular-nums">{formatPhone(contact.phone)}</span>)}
              {detail(
                t("birthday"),
                contact.birthdayMonth && contact.birthdayDay
                  ? format.dateTime(birthdayDate(contact.birthdayMonth, contact.birthdayDay), {
                      day: "numeric",
                      month: "long",
                      timeZone: "UTC",
                    })
                  : "",
              )}
              {detail(
                t("language"),
                isOfferedLanguage(language) ? tContacts(`languages.${language || "default"}`) : language,
              )}
              {detail(
                t("tags"),
                contact.tags.length ? (
                  <span className="flex flex-wrap gap-1">
                    {contact.tags.map((t) => (
                      <Badge key={t} variant="secondary">
                        {t}
                      </Badge>
                    ))}
                  </span>
                ) : null,
              )}
              {detail(
                t("groups"),
                groups.length ? (
                  <span className="flex flex-wrap gap-1">
                    {groups.map((g) => (
                      <Link key={g.id} href={`/groups/${g.id}`} className="hover:underline">
                        <Badge variant="outline">{g.name}</Badge>
                      </Link>
                    ))}
                  </span>
                ) : null,
              )}
              {detail(
                t("visits"),
                <span data-testid="guest-visits">
                  {visitsMade.lastAt
                    ? t("visitsSummary", { count: visitsMade.count, when: when(visitsMade.lastAt) })
                    : t("noVisits")}
                </span>,
              )}
              {detail(t("notes"), contact.notes ? <span className="whitespace-pre-wrap">{contact.notes}</span> : null)}
              {detail(t("added"), byWhom(contact.createdAt, contact.createdBy))}
              {detail(t("lastChanged"), byWhom(contact.updatedAt, contact.updatedBy))}
              {detail(t("optOutLink"), <span className="text-xs break-all">{optOutUrl(contact.optOutToken)}</span>)}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="flex flex-row items-center justify-between gap-2">
            <CardTitle>{t("consent")}</CardTitle>
            <span data-testid="consent-state" className="flex items-center gap-2">
              <ConsentBadge state={contact.consentState} />
              {contact.suppressed ? <Badge variant="destructive">{t("suppressed")}</Badge> : null}
            </span>
          </CardHeader>
          <CardContent className="space-y-4">
            {contact.suppressed ? <p className="text-sm text-muted-foreground">{t("suppressedHelp")}</p> : null}
            <ol className="space-y-3" aria-label={t("consentHistory")}>
              {history.length === 0 ? <li className="text-sm text-muted-foreground">{t("noConsent")}</li> : null}
              {history.map((e) => (
                <li key={e.id} className="rounded-md border p-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge variant={e.state === "granted" ? "success" : "destructive"}>
                      {e.state === "granted" ? t("granted") : t("withdrawn")}
                    </Badge>
                    <span>
                      {isConsentSource(e.source) ? tContacts(`consent.sources.${e.source}`) : e.source}
                      {e.sourceName ? ` · ${e.sourceName}` : null}
                    </span>
                    <span className="text-muted-foreground">
                      {e.recordedBy
                        ? t("recordedBy", { when: when(e.occurredAt), by: e.recordedBy })
                        : e.source === "opt_out_link" || e.source === "signup_page"
                          ? t("byTheGuest", { when: when(e.occurredAt) })
                          : when(e.occurredAt)}
                    </span>
                  </div>
                  {e.wording ? (
                    <blockquote className="mt-2 border-l-2 pl-3 text-muted-foreground italic">
                      {t("quoted", { wording: e.wording })}
                    </blockquote>
                  ) : null}
                </li>
              ))}
            </ol>
            <ConsentPanel
              contactId={contact.id}
              state={contact.consentState}
              defaultWording={await defaultConsentWording(settings.name)}
            />
          </CardContent>
        </Card>
      </div>
      <div className="mt-4">
        <GuestMessages contact={contact} />
      </div>
      {isManager ? <DangerZone contactId={contact.id} name={name} /> : null}
    </>
  );
}
