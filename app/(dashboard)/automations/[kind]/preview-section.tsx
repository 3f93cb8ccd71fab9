import { getFormatter, getTranslations } from "next-intl/server";
import type { AutomationKind } from "@/drizzle/schema/automations";
import { type AutomationPreview, LEFT_OUT_REASONS, PREVIEW_DAYS } from "@/lib/automations/preview-automation";
import { formatPhone } from "@/lib/contacts/phone";

/** Who the automation texts in the next seven days, and how many are left out, for which reason. */
export async function AutomationPreviewSection({
  preview,
  enabled,
  kind,
}: {
  preview: AutomationPreview;
  enabled: boolean;
  kind: AutomationKind;
}) {
  const t = await getTranslations("Automations.preview");
  const format = await getFormatter();
  const reasons = LEFT_OUT_REASONS.filter((r) => (r === "noBirthday" ? kind === "birthday" : true));
  return (
    <section aria-labelledby="preview-heading" className="space-y-3" data-testid="automation-preview">
      <h2 id="preview-heading" className="text-lg font-semibold">
        {t("heading", { days: PREVIEW_DAYS })}
      </h2>
      {enabled ? null : <p className="text-sm text-muted-foreground">{t("off")}</p>}
      <p className="text-2xl font-semibold" data-testid="preview-texted">
        {t("willText", { count: preview.texted })}
      </p>
      <div>
        <h3 className="text-sm font-medium">{t("leftOutHeading")}</h3>
        <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
          {reasons.map((r) => (
            <div key={r} className="contents" data-testid={`left-out-${r}`}>
              <dt className="text-muted-foreground">{t(`reasons.${r}`)}</dt>
              <dd className="text-right tabular-nums">{format.number(preview.leftOut[r])}</dd>
            </div>
          ))}
        </dl>
      </div>
      {preview.sample.length > 0 ? (
        <table className="w-full text-sm">
          <caption className="mb-1 text-left text-sm font-medium">{t("sampleCaption")}</caption>
          <thead>
            <tr className="border-b text-left text-muted-foreground">
              <th scope="col" className="py-1 font-normal">
                {t("guest")}
              </th>
              <th scope="col" className="py-1 text-right font-normal">
                {t("due")}
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((g) => (
              <tr key={`${g.contactId}-${g.dueAt.getTime()}`} className="border-b last:border-0">
                <td className="py-1">
                  <span className="block">{g.name || formatPhone(g.phone)}</span>
                  {g.name ? <span className="block text-xs text-muted-foreground">{formatPhone(g.phone)}</span> : null}
                </td>
                <td className="py-1 text-right">{format.dateTime(g.dueAt, "moment")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
