"use client";

import { Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { DateField } from "@/components/date-time/date-time-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { DELIVERY_STATES } from "@/lib/campaigns/delivery-status";
import { DEFAULT_SENDER, FILTER_KEYS, type HistoryFilters } from "@/lib/history/filters";
import { historyTableParsers } from "@/lib/history/history-params";
import { PROVIDER_INFO, PROVIDER_NAMES } from "@/lib/sms/providers";

type Props = {
  filters: HistoryFilters;
  campaigns: { id: string; name: string }[];
  senders: string[];
  /** The chosen From and To days spelled out ("Fri 27 Nov 2026"), for the fields' descriptions. */
  dayLabels: { from: string | null; to: string | null };
};

const SELECT =
  "h-10 w-full rounded-md border border-input bg-transparent px-2 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 sm:text-sm dark:bg-input/30";

/**
 * The filter bar is a plain GET form: the URL is the state (shareable, back button, refresh), it works before
 * JavaScript loads, and any change starts again from the newest page.
 */
export function HistoryFilterBar({ filters, campaigns, senders, dayLabels }: Props) {
  const t = useTranslations("History.filters");
  const tHistory = useTranslations("History");
  const form = useRef<HTMLFormElement>(null);
  const url = useTableUrlState(historyTableParsers);
  // `changed`: a field whose new value the form doesn't hold yet (a date field's hidden input updates on render).
  const submit = (changed: Partial<Record<string, string>> = {}) => {
    if (!form.current) return;
    const data = new FormData(form.current);
    const value = (k: string) => String(changed[k] ?? data.get(k) ?? "").trim() || null;
    url.setFilters(Object.fromEntries(FILTER_KEYS.map((k) => [k, value(k)])));
  };
  return (
    <search aria-label={t("label")}>
      <form
        ref={form}
        action="/history"
        method="get"
        className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="col-span-2 space-y-1">
          <Label htmlFor="history-q">{t("q")}</Label>
          <div className="flex gap-2">
            <Input
              id="history-q"
              name="q"
              type="search"
              defaultValue={filters.q ?? ""}
              placeholder={t("qPlaceholder")}
            />
            <Button type="submit" variant="outline" size="icon" aria-label={t("search")}>
              <Search aria-hidden />
            </Button>
          </div>
        </div>
        <Field label={t("provider")} name="provider" value={filters.provider} onChange={() => submit()}>
          <option value="">{t("allProviders")}</option>
          {PROVIDER_NAMES.map((p) => (
            <option key={p} value={p}>
              {PROVIDER_INFO[p].label}
            </option>
          ))}
        </Field>
        <Field label={t("status")} name="state" value={filters.state} onChange={() => submit()}>
          <option value="">{t("allStatuses")}</option>
          {DELIVERY_STATES.map((s) => (
            <option key={s} value={s}>
              {tHistory(`states.${s}`)}
            </option>
          ))}
        </Field>
        <Field label={t("campaign")} name="campaign" value={filters.campaignId} onChange={() => submit()}>
          <option value="">{t("allCampaigns")}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Field>
        <Field label={t("sender")} name="sender" value={filters.sender} onChange={() => submit()}>
          <option value="">{t("allSenders")}</option>
          {senders.map((s) => (
            <option key={s} value={s}>
              {s === DEFAULT_SENDER ? t("providerDefault") : s}
            </option>
          ))}
        </Field>
        <DayField
          key={`from-${filters.from ?? ""}`}
          label={t("from")}
          name="from"
          value={filters.from}
          spelled={dayLabels.from}
          empty={t("fromEmpty")}
          clear={t("clearFrom")}
          onChange={(day) => submit({ from: day })}
        />
        <DayField
          key={`to-${filters.to ?? ""}`}
          label={t("to")}
          name="to"
          value={filters.to}
          spelled={dayLabels.to}
          empty={t("toEmpty")}
          clear={t("clearTo")}
          onChange={(day) => submit({ to: day })}
        />
      </form>
    </search>
  );
}

/**
 * A date field a full cell wide: a calendar in the page's language (the browser's own date input would show its
 * own order, mm/dd or dd/mm), the chosen day spelled out, and a button to clear it.
 */
function DayField(props: {
  label: string;
  name: string;
  value: string | undefined;
  spelled: string | null;
  empty: string;
  clear: string;
  onChange: (day: string) => void;
}) {
  const id = `history-${props.name}`;
  const [day, setDay] = useState(props.value ?? "");
  const change = (next: string) => {
    setDay(next);
    props.onChange(next);
  };
  return (
    <div className="min-w-0 space-y-1">
      <Label id={`${id}-label`} htmlFor={id}>
        {props.label}
      </Label>
      <div className="relative">
        <DateField
          id={id}
          name={props.name}
          value={day}
          onChange={change}
          placeholder={props.empty}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-day`}
          className={day ? "w-full min-w-0 pr-10" : "w-full min-w-0"}
        />
        {day ? (
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={props.clear}
            className="absolute top-1/2 right-1 size-8 -translate-y-1/2"
            onClick={() => change("")}
          >
            <X aria-hidden />
          </Button>
        ) : null}
      </div>
      <p id={`${id}-day`} className="sr-only" data-testid={`${id}-day`}>
        {props.spelled ?? props.empty}
      </p>
    </div>
  );
}

function Field(props: {
  label: string;
  name: string;
  value: string | undefined;
  onChange: () => void;
  children: React.ReactNode;
}) {
  const id = `history-${props.name}`;
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{props.label}</Label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""} onChange={props.onChange} className={SELECT}>
        {props.children}
      </select>
    </div>
  );
}
