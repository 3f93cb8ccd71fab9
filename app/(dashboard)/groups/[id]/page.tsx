import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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
import { getRestaurantSettings } from "@/lib/settings/restaurant-settings";
import { formatInZone } from "@/lib/time/zoned";
import { GroupControls, LinkControls } from "./group-controls";

export const metadata: Metadata = { title: "Group" };

const N = new Intl.NumberFormat("en-GB");
const SHOWN = 10;

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const db = getDb();
  const [group, settings] = await Promise.all([getGroup(db, id), getRestaurantSettings(db)]);
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
        description={group.description || "A group of guests."}
        actions={
          <Button asChild variant="outline">
            <Link href={`/contacts?group=${group.id}`}>View members</Link>
          </Button>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Members</CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <p data-testid="group-counts">
              <strong>{N.format(group.members)}</strong> members, <strong>{N.format(group.consented)}</strong> with
              marketing consent.
            </p>
            <p className="text-muted-foreground">
              To add or remove guests, tick them on Contacts and use Add to group or Remove from group.
            </p>
            <GroupControls id={group.id} name={group.name} canDelete={isManager} />
          </CardContent>
        </Card>
        <Card data-testid="cpsms-card">
          <CardHeader className="flex flex-row items-center justify-between gap-2">
            <CardTitle>CPSMS group</CardTitle>
            {group.cpsmsGroupId !== null ? (
              <Badge variant="success">Linked</Badge>
            ) : (
              <Badge variant="outline">Not linked</Badge>
            )}
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            {group.cpsmsGroupId === null ? (
              <p className="text-muted-foreground">
                Linking creates a CPSMS group with this group&apos;s consented members, so CPSMS can send to it as a
                group. Changes here are pushed to CPSMS; guests who withdraw leave it at once.
              </p>
            ) : (
              <>
                <p>
                  CPSMS group #{group.cpsmsGroupId}
                  {group.cpsmsSyncedAt
                    ? ` · last full sync ${formatInZone(group.cpsmsSyncedAt, settings.timeZone)}`
                    : ""}
                </p>
                {driftError ? (
                  <p className="text-destructive">Couldn&apos;t compare with CPSMS: {driftError}</p>
                ) : drift?.inSync ? (
                  <p className="text-success" data-testid="drift-status">
                    In sync: CPSMS has exactly the consented members.
                  </p>
                ) : drift ? (
                  <div className="space-y-2" data-testid="drift-status">
                    <p className="font-medium text-warning">Out of sync with CPSMS</p>
                    {drift.missingAtCpsms.length ? (
                      <p>
                        {N.format(drift.missingAtCpsms.length)} missing at CPSMS:{" "}
                        {show(drift.missingAtCpsms).join(", ")}
                        {drift.missingAtCpsms.length > SHOWN ? "…" : ""}
                      </p>
                    ) : null}
                    {drift.extraAtCpsms.length ? (
                      <p>
                        {N.format(drift.extraAtCpsms.length)} at CPSMS but not members here:{" "}
                        {show(drift.extraAtCpsms).join(", ")}
                        {drift.extraAtCpsms.length > SHOWN ? "…" : ""}
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
