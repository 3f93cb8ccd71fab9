import { BookUser, PlugZap, SquarePen } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Dashboard" };

const FIRST_STEPS = [
  {
    href: "/settings/providers",
    icon: PlugZap,
    title: "Connect your SMS providers",
    description: "CPSMS.dk for Danish numbers, smsapp.pk for Pakistani ones. Until then, messages go to the sandbox.",
  },
  {
    href: "/contacts",
    icon: BookUser,
    title: "Build your guest book",
    description: "Add guests with their consent, or import them from a spreadsheet.",
  },
  {
    href: "/compose",
    icon: SquarePen,
    title: "Send your first promo",
    description: "Write it, check the cost, and send it now or at the right moment.",
  },
];

export default async function DashboardPage() {
  const user = await requireUser();
  return (
    <>
      <PageHeader title={`Welcome, ${user.name.split(" ")[0]}`} description="Here is where your restaurant's messaging stands." />
      <section aria-labelledby="first-steps">
        <h2 id="first-steps" className="mb-3 text-sm font-medium text-muted-foreground">
          Getting started
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {FIRST_STEPS.map(({ href, icon: Icon, title, description }) => (
            <li key={href}>
              <Link href={href} className="group block h-full rounded-xl outline-none focus-visible:ring-2 focus-visible:ring-ring">
                <Card className="h-full transition-colors group-hover:border-primary/50">
                  <CardHeader>
                    <span className="mb-2 grid size-9 place-items-center rounded-lg bg-primary/10 text-primary">
                      <Icon className="size-5" aria-hidden />
                    </span>
                    <CardTitle className="text-base">{title}</CardTitle>
                    <CardDescription>{description}</CardDescription>
                  </CardHeader>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
