import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { listApiKeys } from "@/lib/api/manage-keys";
import { requireUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { ApiKeysManager } from "./api-keys-manager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Settings.apiKeys");
  return { title: t("title") };
}

/** Owners only: the keys reservation and till systems call the REST API with. */
export default async function ApiKeysPage() {
  await requireUser({ role: "owner" });
  const [keys, t, format] = await Promise.all([
    listApiKeys(getDb()),
    getTranslations("Settings.apiKeys"),
    getFormatter(),
  ]);
  return (
    <section aria-labelledby="api-keys-heading" className="max-w-3xl space-y-6">
      <div>
        <h2 id="api-keys-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        <p className="text-sm text-muted-foreground">
          {t.rich("intro", {
            doc: (chunks) => (
              <a className="underline underline-offset-2" href="/api/v1/openapi.json">
                {chunks}
              </a>
            ),
          })}
        </p>
      </div>
      <ApiKeysManager
        keys={keys.map((k) => ({
          id: k.id,
          name: k.name,
          prefix: k.prefix,
          scopes: k.scopes,
          createdBy: k.createdBy,
          // Formatted on the server, in the restaurant's zone like every time in the app.
          created: format.dateTime(k.createdAt, "moment"),
          lastUsed: k.lastUsedAt ? format.dateTime(k.lastUsedAt, "moment") : null,
          revoked: k.revokedAt ? format.dateTime(k.revokedAt, "moment") : null,
        }))}
      />
    </section>
  );
}
