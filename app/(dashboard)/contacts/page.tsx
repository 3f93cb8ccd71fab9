import { Download, Upload, UserPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { birthdayDate } from "@/lib/contacts/birthday";
import { parseContactQuery } from "@/lib/contacts/contact-filter";
import { listContacts, listTags } from "@/lib/contacts/list-contacts";
import { formatPhone } from "@/lib/contacts/phone";
import { getDb } from "@/lib/db";
import { listGroupNames } from "@/lib/groups/manage-groups";
import type { ContactRow } from "./contact-columns";
import { ContactsTable } from "./contacts-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Contacts.list");
  return { title: t("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const query = parseContactQuery(await searchParams);
  const isManager = hasRole(user.role, "manager");
  const t = await getTranslations("Contacts.list");
  const exportHref = `/contacts/export${query.filter.group ? `?group=${query.filter.group}` : ""}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            {isManager ? (
              <>
                <Button asChild variant="outline">
                  <Link href="/contacts/import">
                    <Upload aria-hidden /> {t("importCsv")}
                  </Link>
                </Button>
                <Button asChild variant="outline">
                  <a href={exportHref} download>
                    <Download aria-hidden /> {t("exportCsv")}
                  </a>
                </Button>
              </>
            ) : null}
            <Button asChild>
              <Link href="/contacts/new">
                <UserPlus aria-hidden /> {t("addGuest")}
              </Link>
            </Button>
          </>
        }
      />
      <ContactsList query={query} canDelete={isManager} />
    </>
  );
}

async function ContactsList({ query, canDelete }: { query: ReturnType<typeof parseContactQuery>; canDelete: boolean }) {
  const db = getDb();
  const [page, groups, tags, format] = await Promise.all([
    listContacts(db, query),
    listGroupNames(db),
    listTags(db),
    getFormatter(),
  ]);
  const rows: ContactRow[] = page.rows.map((c) => ({
    id: c.id,
    name: `${c.firstName} ${c.lastName}`.trim(),
    phone: formatPhone(c.phone),
    tags: c.tags,
    consent: c.consentState,
    birthday:
      c.birthdayMonth && c.birthdayDay ? format.dateTime(birthdayDate(c.birthdayMonth, c.birthdayDay), "short") : "",
    // Formatted on the server in the restaurant's zone, so every device shows the same date.
    added: format.dateTime(c.createdAt, "day"),
    groups: c.groups.map((g) => g.name),
  }));
  return (
    <ContactsTable
      rows={rows}
      total={page.total}
      listedWith={query.listedWith}
      nextCursor={page.nextCursor}
      prevCursor={page.prevCursor}
      filter={query.filter}
      groups={groups.map((g) => ({ id: g.id, name: g.name }))}
      tags={tags.map((t) => t.tag)}
      canDelete={canDelete}
    />
  );
}
