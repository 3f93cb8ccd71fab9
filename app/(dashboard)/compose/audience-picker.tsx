"use client";

import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useAction } from "@/lib/actions/use-action";
import type { ContactOption, GroupOption } from "@/lib/campaigns/compose/preview-audience";
import { searchContactsAction } from "./actions";

export type AudienceValue = {
  category: "marketing" | "transactional";
  groupIds: string[];
  contacts: ContactOption[];
  numbers: string;
};

/** Who gets the message: promotion or service message, groups, individual guests, pasted numbers. */
export function AudiencePicker({
  value,
  onChange,
  groups,
}: {
  value: AudienceValue;
  onChange: (v: AudienceValue) => void;
  groups: GroupOption[];
}) {
  const id = useId();
  const t = useTranslations("Compose.audience");
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<ContactOption[]>([]);
  // A failed search just shows no matches: the box is a helper, not a form.
  const { run: search } = useAction(searchContactsAction, {
    errors: "inline",
    onSuccess: setMatches,
    onError: () => setMatches([]),
  });

  useEffect(() => {
    if (query.trim().length < 2) {
      setMatches([]);
      return;
    }
    const timer = setTimeout(() => search({ query }), 200);
    return () => clearTimeout(timer);
  }, [query, search]);

  const toggleGroup = (groupId: string, on: boolean) =>
    onChange({ ...value, groupIds: on ? [...value.groupIds, groupId] : value.groupIds.filter((g) => g !== groupId) });
  const addContact = (c: ContactOption) => {
    if (!value.contacts.some((x) => x.id === c.id)) onChange({ ...value, contacts: [...value.contacts, c] });
    setQuery("");
    setMatches([]);
  };

  return (
    <div className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("kindLegend")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {(["marketing", "transactional"] as const).map((category) => (
            <label
              key={category}
              className="flex cursor-pointer gap-3 rounded-lg border p-3 has-[:checked]:border-primary has-[:checked]:bg-primary/5"
            >
              <input
                type="radio"
                name={`${id}-category`}
                value={category}
                checked={value.category === category}
                onChange={() => onChange({ ...value, category })}
                className="mt-1 accent-[var(--primary)]"
              />
              <span>
                <span className="block text-sm font-medium">{t(`kinds.${category}.title`)}</span>
                <span className="block text-xs text-muted-foreground">{t(`kinds.${category}.help`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("groupsLegend")}</legend>
        {groups.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noGroups")}</p>
        ) : (
          <div className="grid gap-2 sm:grid-cols-2">
            {groups.map((g) => (
              <label
                key={g.id}
                className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary"
              >
                <input
                  type="checkbox"
                  checked={value.groupIds.includes(g.id)}
                  onChange={(e) => toggleGroup(g.id, e.target.checked)}
                  className="accent-[var(--primary)]"
                />
                <span className="flex-1 truncate">{g.name}</span>
                <span className="text-xs text-muted-foreground tabular-nums">
                  {t("memberCount", { count: g.memberCount })}
                </span>
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <div className="space-y-2">
        <Label htmlFor={`${id}-search`}>{t("searchLabel")}</Label>
        <div className="relative">
          <Search
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden
          />
          <Input
            id={`${id}-search`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t("searchPlaceholder")}
            className="pl-9"
            autoComplete="off"
            role="combobox"
            aria-expanded={matches.length > 0}
            aria-controls={`${id}-matches`}
          />
          {matches.length > 0 && (
            <div
              id={`${id}-matches`}
              role="listbox"
              className="absolute z-20 mt-1 w-full overflow-hidden rounded-md border bg-popover shadow-md"
            >
              {matches.map((m) => (
                <button
                  key={m.id}
                  type="button"
                  role="option"
                  aria-selected={false}
                  onClick={() => addContact(m)}
                  className="flex w-full items-center justify-between gap-2 px-3 py-2 text-left text-sm hover:bg-accent"
                >
                  <span className="truncate">{m.name}</span>
                  <span className="text-xs text-muted-foreground">{m.phone}</span>
                </button>
              ))}
            </div>
          )}
        </div>
        {value.contacts.length > 0 && (
          <ul className="flex flex-wrap gap-1.5" aria-label={t("chosenGuests")}>
            {value.contacts.map((c) => (
              <li key={c.id}>
                <Badge variant="secondary" className="gap-1 pr-1">
                  {c.name}
                  <button
                    type="button"
                    aria-label={t("removeGuest", { name: c.name })}
                    onClick={() => onChange({ ...value, contacts: value.contacts.filter((x) => x.id !== c.id) })}
                    className="rounded-sm p-0.5 hover:bg-muted"
                  >
                    <X className="size-3" />
                  </button>
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="space-y-2">
        <Label htmlFor={`${id}-numbers`}>{t("numbersLabel")}</Label>
        <Textarea
          id={`${id}-numbers`}
          value={value.numbers}
          onChange={(e) => onChange({ ...value, numbers: e.target.value })}
          rows={3}
          placeholder={t("numbersPlaceholder")}
        />
        <p className="text-xs text-muted-foreground">{t("numbersHint")}</p>
      </div>
    </div>
  );
}
