import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatPhone } from "@/lib/contacts/phone";
import { getDb } from "@/lib/db";
import { getOwnPhone } from "@/lib/test-sends/phone-verification";
import { MyPhoneForm } from "./my-phone-form";

/** Settings > Account "Your phone for test messages": where this user's own test sends may go, once verified. */
export async function MyPhoneCard({ userId }: { userId: string }) {
  const own = await getOwnPhone(getDb(), userId);
  const t = await getTranslations("Account.phone");
  return (
    <Card data-testid="my-phone">
      <CardHeader>
        <CardTitle className="text-base">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <MyPhoneForm
          phone={own.phone ? formatPhone(own.phone) : null}
          verified={own.verified}
          pendingPhone={own.pending ? formatPhone(own.pending.phone) : null}
        />
      </CardContent>
    </Card>
  );
}
