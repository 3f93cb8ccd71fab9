"use client";

import { Smartphone, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { addStaffPhoneAction, removeStaffPhoneAction } from "./actions";

type Phone = { id: string; name: string; phone: string };

/** The list of test phones with a form to add one and a button to remove each. */
export function StaffPhonesManager({ phones }: { phones: Phone[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<{ name?: string; phone?: string; form?: string }>({});

  function add(form: HTMLFormElement) {
    const data = new FormData(form);
    const input = { name: String(data.get("name") ?? ""), phone: String(data.get("phone") ?? "") };
    startTransition(async () => {
      const result = await addStaffPhoneAction(input);
      if (!result.ok) {
        const f = result.error.fieldErrors ?? {};
        const fields = { name: f.name?.[0], phone: f.phone?.[0] };
        setErrors({ ...fields, form: fields.name || fields.phone ? undefined : result.error.message });
        return;
      }
      setErrors({});
      form.reset();
      toast.success(`${result.data.name} added.`);
      router.refresh();
    });
  }

  function remove(phone: Phone) {
    startTransition(async () => {
      const result = await removeStaffPhoneAction({ id: phone.id });
      if (!result.ok) toast.error(result.error.message);
      else toast.success(`${phone.name} removed.`);
      router.refresh();
    });
  }

  return (
    <div className="space-y-6">
      {phones.length === 0 ? (
        <EmptyState
          icon={<Smartphone />}
          title="No test phones yet"
          description="Add the phones your team uses to check messages before they go out."
        />
      ) : (
        <Card className="py-0">
          <CardContent className="p-0">
            <ul aria-label="Test phones" className="divide-y">
              {phones.map((p) => (
                <li key={p.id} className="flex items-center justify-between gap-3 px-4 py-3">
                  <div className="min-w-0">
                    <p className="truncate font-medium">{p.name}</p>
                    <p className="text-sm text-muted-foreground">{p.phone}</p>
                  </div>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    disabled={pending}
                    onClick={() => remove(p)}
                    aria-label={`Remove ${p.name}`}
                  >
                    <Trash2 aria-hidden />
                    <span className="hidden sm:inline">Remove</span>
                  </Button>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}

      <form
        noValidate
        aria-label="Add a test phone"
        className="space-y-3 rounded-lg border p-4"
        onSubmit={(e) => {
          e.preventDefault();
          add(e.currentTarget);
        }}
      >
        <h3 className="text-sm font-medium">Add a test phone</h3>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-2">
            <Label htmlFor="staff-phone-name">Name</Label>
            <Input
              id="staff-phone-name"
              name="name"
              placeholder="Bar phone"
              autoComplete="off"
              aria-invalid={Boolean(errors.name)}
            />
            <FieldError>{errors.name}</FieldError>
          </div>
          <div className="space-y-2">
            <Label htmlFor="staff-phone-number">Phone number</Label>
            <Input
              id="staff-phone-number"
              name="phone"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              placeholder="+45 20 12 34 56"
              aria-invalid={Boolean(errors.phone)}
            />
            <FieldError>{errors.phone}</FieldError>
          </div>
        </div>
        <FieldError>{errors.form}</FieldError>
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add phone"}
        </Button>
      </form>
    </div>
  );
}
