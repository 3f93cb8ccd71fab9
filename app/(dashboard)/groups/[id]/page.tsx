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
import { formatPhone } from "@/lib/contacts/phone";
import { getDb } from "@/lib/db";
import { toLocalizedError } from "@/lib/errors";
import { type GroupDrift, groupDrift } from "@/lib/groups/cpsms-sync";
import { getGroup } from "@/lib/groups/manage-groups";
import { GroupControls, LinkControls } from "./group-controls";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Groups.detail");
  return { title: t("title") };
}
const SHOWN = 10;

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = getDb();
  const [group, t, format] = await Promise.all([getGroup(db, id), getTranslations("Groups.detail"), getFormatter()]);
  if (!group) notFound();
  const isManager = hasRole(user.role, "manager");
  let drift: GroupDrift | null = null;
  let driftError: string | null = null;
  if (group.cpsmsGroupId !== null) {
    try {
      drift = await groupDrift(db, id);
    } catch (err) {
      driftError = (await toLocalizedError(err)).message;
    }
  }
  const show = (phones: string[]) => phones.slice(0, SHOWN).map((p) => formatPhone(p.startsWith("+") ? p : `+${p}`));
  return (
    <>
      <PageHeader
        title={group.name}
        description={group.description || t("noDescription")}
        actions={
          <Button asChild variant="outline">
            <Link href={`/contacts?group=${group.id}`}>{t("viewMembers")}</Link>
          </Button>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("members")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <p data-testid="group-counts">
              {t.rich("counts", {
                members: group.members,
                consented: group.consented,
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
            </p>
            <p className="text-muted-foreground">{t("howToAdd")}</p>
            <GroupControls id={group.id} name={group.name} canDelete={isManager} />
          </CardContent>
        </Card>
        <Card data-testid="cpsms-card">
          <CardHeader className="flex flex-row items-center justify-between gap-2">
            <CardTitle>{t("cpsmsGroup")}</CardTitle>
            {group.cpsmsGroupId !== null ? (
              <Badge variant="success">{t("linked")}</Badge>
            ) : (
              <Badge variant="outline">{t("notLinked")}</Badge>
            )}
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            {group.cpsmsGroupId === null ? (
              <p className="text-muted-foreground">{t("linkExplanation")}</p>
            ) : (
              <>
                <p>
                  {group.cpsmsSyncedAt
                    ? t("cpsmsIdSynced", {
                        id: group.cpsmsGroupId,
                        when: format.dateTime(group.cpsmsSyncedAt, "moment"),
                      })
                    : t("cpsmsId", { id: group.cpsmsGroupId })}
                </p>
                {driftError ? (
                  <p className="text-destructive">{t("driftError", { error: driftError })}</p>
                ) : drift?.inSync ? (
                  <p className="text-success" data-testid="drift-status">
                    {t("inSync")}
                  </p>
                ) : drift ? (
                  <div className="space-y-2" data-testid="drift-status">
                    <p className="font-medium text-warning">{t("outOfSync")}</p>
                    {drift.missingAtCpsms.length ? (
                      <p>
                        {t(drift.missingAtCpsms.length > SHOWN ? "missingMore" : "missing", {
                          count: drift.missingAtCpsms.length,
                          phones: show(drift.missingAtCpsms).join(", "),
                        })}
                      </p>
                    ) : null}
                    {drift.extraAtCpsms.length ? (
                      <p>
                        {t(drift.extraAtCpsms.length > SHOWN ? "extraMore" : "extra", {
                          count: drift.extraAtCpsms.length,
                          phones: show(drift.extraAtCpsms).join(", "),
                        })}
                      </p>
                    ) : null}
                  </div>
                ) : null}
              </>
            )}
            <LinkControls
              id={group.id}
              linked={group.cpsmsGroupId !== null}
              drifted={Boolean(drift && !drift.inSync)}
              canLink={isManager}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
