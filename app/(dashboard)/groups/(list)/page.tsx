import { UsersRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { listGroups } from "@/lib/groups/manage-groups";
import { CreateGroupForm } from "../create-group-form";

export const metadata: Metadata = { title: "Groups" };

const N = new Intl.NumberFormat("en-GB");

export default async function GroupsPage() {
  await requireUser();
  const groups = await listGroups(getDb());
  return (
    <>
      <PageHeader
        title="Groups"
        description="Lists of guests to send to, such as regulars, the birthday club or the lunch crowd."
        actions={<CreateGroupForm />}
      />
      {groups.length === 0 ? (
        <EmptyState
          icon={<UsersRound />}
          title="No groups yet"
          description="Create a group, then add guests to it from Contacts (tick them and choose Add to group)."
        />
      ) : (
        <div className="overflow-x-auto rounded-lg border">
          <Table>
            <caption className="sr-only">Groups</caption>
            <TableHeader>
              <TableRow>
                <TableHead>Group</TableHead>
                <TableHead className="text-right">Members</TableHead>
                <TableHead className="hidden text-right sm:table-cell">Consented</TableHead>
                <TableHead className="hidden sm:table-cell">CPSMS</TableHead>
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
                      aria-label={`${g.members} members of ${g.name}`}
                    >
                      {N.format(g.members)}
                    </Link>
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums sm:table-cell">
                    {N.format(g.consented)}
                  </TableCell>
                  <TableCell className="hidden sm:table-cell">
                    {g.cpsmsGroupId !== null ? (
                      <Badge variant="success">Linked</Badge>
                    ) : (
                      <span className="text-sm text-muted-foreground">Not linked</span>
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
