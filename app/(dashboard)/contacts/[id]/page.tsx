import { Download, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { consentHistory } from "@/lib/consent/consent-ledger";
import { defaultConsentWording } from "@/lib/consent/default-wording";
import { optOutUrl } from "@/lib/consent/opt-out-link";
import { getContact } from "@/lib/contacts/manage-contacts";
import { formatPhone } from "@/lib/contacts/phone";
import { getDb } from "@/lib/db";
import { groupsOfContact } from "@/lib/groups/manage-groups";
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { formatInZone } from "@/lib/time/zoned";
import { CONSENT_SOURCE_LABELS, LANGUAGES } from "@/lib/validation/contacts";
import { ConsentBadge } from "../consent-badge";
import { ConsentPanel } from "./consent-panel";
import { DangerZone } from "./danger-zone";
import { GuestMessages } from "./guest-messages";

export const metadata: Metadata = { title: "Guest" };

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = getDb();
  const [contact, history, groups, settings] = await Promise.all([
    getContact(db, id),
    consentHistory(db, id),
    groupsOfContact(db, id),
    getRestaurantSettings(db),
  ]);
  if (!contact) notFound();
  const isManager = hasRole(user.role, "manager");
  const name = `${contact.firstName} ${contact.lastName}`.trim() || "Guest without a name";
  const when = (d: Date) => formatInZone(d, settings.timeZone);
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
                <Pencil aria-hidden /> Edit
              </Link>
            </Button>
            {isManager ? (
              <Button asChild variant="outline">
                <a href={`/contacts/${contact.id}/gdpr-export`} download>
                  <Download aria-hidden /> Export everything
                </a>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Details</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="divide-y">
              {detail("Phone", <span className="tabular-nums">{formatPhone(contact.phone)}</span>)}
              {detail(
                "Birthday",
                contact.birthdayMonth && contact.birthdayDay
                  ? `${contact.birthdayDay} ${MONTHS[contact.birthdayMonth - 1]}`
                  : "",
              )}
              {detail("Language", LANGUAGES.find((l) => l.value === contact.language)?.label ?? contact.language)}
              {detail(
                "Tags",
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
                "Groups",
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
              {detail("Notes", contact.notes ? <span className="whitespace-pre-wrap">{contact.notes}</span> : null)}
              {detail("Added", `${when(contact.createdAt)}${contact.createdBy ? ` by ${contact.createdBy}` : ""}`)}
              {detail(
                "Last changed",
                `${when(contact.updatedAt)}${contact.updatedBy ? ` by ${contact.updatedBy}` : ""}`,
              )}
              {detail("Opt-out link", <span className="text-xs break-all">{optOutUrl(contact.optOutToken)}</span>)}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader className="flex flex-row items-center justify-between gap-2">
            <CardTitle>Marketing consent</CardTitle>
            <span data-testid="consent-state" className="flex items-center gap-2">
              <ConsentBadge state={contact.consentState} />
              {contact.suppressed ? <Badge variant="destructive">Suppressed</Badge> : null}
            </span>
          </CardHeader>
          <CardContent className="space-y-4">
            {contact.suppressed ? (
              <p className="text-sm text-muted-foreground">
                This number is on the suppression list: no marketing text reaches it from either provider.
              </p>
            ) : null}
            <ol className="space-y-3" aria-label="Consent history">
              {history.length === 0 ? (
                <li className="text-sm text-muted-foreground">No consent recorded yet.</li>
              ) : null}
              {history.map((e) => (
                <li key={e.id} className="rounded-md border p-3 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge variant={e.state === "granted" ? "success" : "destructive"}>
                      {e.state === "granted" ? "Granted" : "Withdrawn"}
                    </Badge>
                    <span>{CONSENT_SOURCE_LABELS[e.source] ?? e.source}</span>
                    <span className="text-muted-foreground">
                      {when(e.occurredAt)}
                      {e.recordedBy ? ` · ${e.recordedBy}` : e.source === "opt_out_link" ? " · by the guest" : ""}
                    </span>
                  </div>
                  {e.wording ? (
                    <blockquote className="mt-2 border-l-2 pl-3 text-muted-foreground italic">“{e.wording}”</blockquote>
                  ) : null}
                </li>
              ))}
            </ol>
            <ConsentPanel
              contactId={contact.id}
              state={contact.consentState}
              defaultWording={defaultConsentWording(settings.name)}
            />
          </CardContent>
        </Card>
      </div>
      <div className="mt-4">
        <GuestMessages contact={contact} timeZone={settings.timeZone} />
      </div>
      {isManager ? <DangerZone contactId={contact.id} name={name} /> : null}
    </>
  );
}
