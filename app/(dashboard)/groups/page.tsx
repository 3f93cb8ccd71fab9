import { UsersRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listGroups } from "@/lib/groups/manage-groups";
import { CreateGroupForm } from "./create-group-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Groups.list");
  return { title: t("title") };
}

export default async function GroupsPage() {
  await requireUser();
  const [groups, t, format] = await Promise.all([listGroups(getDb()), getTranslations("Groups.list"), getFormatter()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<CreateGroupForm />} />
      {groups.length === 0 ? (
        <EmptyState icon={<UsersRound />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border">
          <Table>
            <caption className="sr-only">{t("caption")}</caption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("group")}</TableHead>
                <TableHead className="text-right">{t("members")}</TableHead>
                <TableHead className="hidden text-right sm:table-cell">{t("consented")}</TableHead>
                <TableHead className="hidden sm:table-cell">{t("syncColumn")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {groups.map((g) => (
                <TableRow key={g.id}>
                  <TableCell>
                    <Link href={`/groups/${g.id}`} className="font-medium hover:underline">
                      {g.name}
                    </Link>
                    {g.description ? <div className="text-xs text-muted-foreground">{g.description}</div> : null}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    <Link
                      href={`/contacts?group=${g.id}`}
                      className="hover:underline"
                      aria-label={t("membersOf", { count: g.members, name: g.name })}
                    >
                      {format.number(g.members)}
                    </Link>
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums sm:table-cell">
                    {format.number(g.consented)}
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">
                    {g.cpsmsGroupId !== null ? (
                      <Badge variant="success">{t("linked")}</Badge>
                    ) : (
                      <span className="text-sm text-muted-foreground">{t("notLinked")}</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
