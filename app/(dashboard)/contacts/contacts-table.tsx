"use client";

import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowSelectionState,
  useReactTable,
} from "@tanstack/react-table";
import { Search, X } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ContactFilter } from "@/lib/contacts/contact-filter";
import { BulkActions } from "./bulk-actions";
import { ConsentBadge } from "./consent-badge";
import { SortHeader, TableFooter } from "./contacts-table-parts";

export type ContactRow = {
  id: string;
  name: string;
  phone: string;
  tags: string[];
  consent: "granted" | "withdrawn" | "none";
  birthday: string;
  added: string;
  groups: string[];
};

type Props = {
  rows: ContactRow[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  sort: string;
  filter: ContactFilter;
  groups: { id: string; name: string }[];
  tags: string[];
  canDelete: boolean;
};

const NUMBER = new Intl.NumberFormat("en-GB");

/** The guest book table: server-side paging, sorting and filtering, all kept in the URL; bulk actions on a selection. */
export function ContactsTable({
  rows,
  total,
  page,
  pageCount,
  pageSize,
  sort,
  filter,
  groups,
  tags,
  canDelete,
}: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);
  const [q, setQ] = useState(filter.q ?? "");

  // A new page of rows (paging, filtering, after an action) starts with nothing selected.
  useEffect(() => {
    setRowSelection({});
    setAllMatching(false);
  }, [rows]);

  function navigate(updates: Record<string, string | null>, resetPage = true) {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(updates)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    if (resetPage) next.delete("page");
    const qs = next.toString();
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  }

  // Back/forward or "Clear filters" change the URL: show its search, unless the person is typing right now.
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (document.activeElement !== searchRef.current) setQ(filter.q ?? "");
  }, [filter.q]);

  // Search as you type, after a short pause.
  useEffect(() => {
    if ((filter.q ?? "") === q.trim()) return;
    const timer = setTimeout(() => navigate({ q: q.trim() || null }), 350);
    return () => clearTimeout(timer);
  }, [q]);

  const columns = useMemo<ColumnDef<ContactRow>[]>(
    () => [
      {
        id: "select",
        meta: { className: "w-10" },
        header: ({ table }) => (
          <input
            type="checkbox"
            className="size-4 accent-primary"
            aria-label="Select all on this page"
            checked={table.getIsAllPageRowsSelected()}
            ref={(el) => {
              if (el) el.indeterminate = table.getIsSomePageRowsSelected();
            }}
            onChange={(e) => table.toggleAllPageRowsSelected(e.target.checked)}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            className="size-4 accent-primary"
            aria-label={`Select ${row.original.name || row.original.phone}`}
            checked={row.getIsSelected()}
            onChange={(e) => row.toggleSelected(e.target.checked)}
          />
        ),
      },
      {
        id: "name",
        header: () => <SortHeader label="Name" sortKey="name" sort={sort} onSort={(s) => navigate({ sort: s })} />,
        cell: ({ row }) => (
          <div className="min-w-0">
            <Link prefetch={false} href={`/contacts/${row.original.id}`} className="font-medium hover:underline">
              {row.original.name || <span className="text-muted-foreground">No name</span>}
            </Link>
            <div className="text-xs text-muted-foreground sm:hidden">{row.original.phone}</div>
          </div>
        ),
      },
      {
        id: "phone",
        meta: { className: "hidden sm:table-cell" },
        header: () => <SortHeader label="Phone" sortKey="phone" sort={sort} onSort={(s) => navigate({ sort: s })} />,
        cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{row.original.phone}</span>,
      },
      {
        id: "consent",
        header: "Consent",
        cell: ({ row }) => <ConsentBadge state={row.original.consent} />,
      },
      {
        id: "groups",
        meta: { className: "hidden md:table-cell" },
        header: "Groups",
        cell: ({ row }) => <span className="text-sm text-muted-foreground">{row.original.groups.join(", ")}</span>,
      },
      {
        id: "tags",
        meta: { className: "hidden lg:table-cell" },
        header: "Tags",
        cell: ({ row }) => (
          <div className="flex flex-wrap gap-1">
            {row.original.tags.map((t) => (
              <Badge key={t} variant="secondary">
                {t}
              </Badge>
            ))}
          </div>
        ),
      },
      {
        id: "birthday",
        meta: { className: "hidden xl:table-cell" },
        header: "Birthday",
        cell: ({ row }) => <span className="whitespace-nowrap text-sm">{row.original.birthday}</span>,
      },
      {
        id: "created",
        meta: { className: "hidden md:table-cell" },
        header: () => <SortHeader label="Added" sortKey="created" sort={sort} onSort={(s) => navigate({ sort: s })} />,
        cell: ({ row }) => (
          <span className="whitespace-nowrap text-sm text-muted-foreground">{row.original.added}</span>
        ),
      },
    ],
    [sort, params],
  );

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (r) => r.id,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    pageCount,
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
    enableRowSelection: true,
  });

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const hasFilter = Boolean(filter.q || filter.group || filter.consent || filter.tag);
  const selection = allMatching ? { filter } : selectedIds.length ? { ids: selectedIds } : null;
  const selectedCount = allMatching ? total : selectedIds.length;

  return (
    <div className="space-y-3" aria-busy={pending}>
      <div className="flex flex-col gap-2 lg:flex-row lg:items-center">
        <div className="relative lg:max-w-xs lg:flex-1">
          <Search
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden
          />
          <Input
            type="search"
            ref={searchRef}
            aria-label="Search by name or phone"
            placeholder="Search name or phone"
            className="pl-9"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") navigate({ q: q.trim() || null });
            }}
          />
        </div>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:flex">
          <NativeSelect
            aria-label="Filter by group"
            value={filter.group ?? ""}
            onChange={(e) => navigate({ group: e.target.value || null })}
            className="lg:w-44"
          >
            <option value="">All groups</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            aria-label="Filter by consent"
            value={filter.consent ?? ""}
            onChange={(e) => navigate({ consent: e.target.value || null })}
            className="lg:w-44"
          >
            <option value="">Any consent</option>
            <option value="granted">Consented</option>
            <option value="none">No consent</option>
            <option value="withdrawn">Withdrawn</option>
          </NativeSelect>
          <NativeSelect
            aria-label="Filter by tag"
            value={filter.tag ?? ""}
            onChange={(e) => navigate({ tag: e.target.value || null })}
            className="col-span-2 sm:col-span-1 lg:w-40"
          >
            <option value="">All tags</option>
            {filter.tag && !tags.includes(filter.tag) ? <option value={filter.tag}>{filter.tag}</option> : null}
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </NativeSelect>
        </div>
        {hasFilter ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              setQ("");
              navigate({ q: null, group: null, consent: null, tag: null });
            }}
          >
            <X aria-hidden /> Clear filters
          </Button>
        ) : null}
      </div>

      {selection ? (
        <BulkActions
          selection={selection}
          count={selectedCount}
          groups={groups}
          canDelete={canDelete}
          onDone={() => {
            setRowSelection({});
            setAllMatching(false);
            router.refresh();
          }}
          extra={
            !allMatching && table.getIsAllPageRowsSelected() && total > rows.length ? (
              <Button variant="link" size="sm" className="h-auto px-0" onClick={() => setAllMatching(true)}>
                Select all {NUMBER.format(total)} matching
              </Button>
            ) : allMatching ? (
              <Button variant="link" size="sm" className="h-auto px-0" onClick={() => setAllMatching(false)}>
                Only this page
              </Button>
            ) : null
          }
        />
      ) : null}

      <div className="overflow-x-auto rounded-lg border">
        <Table>
          <caption className="sr-only">Guests</caption>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => (
                  <TableHead
                    key={header.id}
                    className={(header.column.columnDef.meta as { className?: string })?.className}
                  >
                    {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                  </TableHead>
                ))}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {table.getRowModel().rows.length ? (
              table.getRowModel().rows.map((row) => (
                <TableRow key={row.id} data-state={row.getIsSelected() ? "selected" : undefined}>
                  {row.getVisibleCells().map((cell) => (
                    <TableCell
                      key={cell.id}
                      className={(cell.column.columnDef.meta as { className?: string })?.className}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </TableCell>
                  ))}
                </TableRow>
              ))
            ) : (
              <TableRow>
                <TableCell colSpan={columns.length} className="h-24 text-center text-muted-foreground">
                  {hasFilter ? "No guests match these filters." : "No guests yet. Add one, or import a CSV file."}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </div>

      <TableFooter total={total} page={page} pageCount={pageCount} pageSize={pageSize} onNavigate={navigate} />
    </div>
  );
}
