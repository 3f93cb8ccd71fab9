"use client";

import { Smartphone, Trash2 } from "lucide-react";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useAction } from "@/lib/actions/use-action";
import { addStaffPhoneAction, removeStaffPhoneAction } from "./actions";

type Phone = { id: string; name: string; phone: string };

/** The list of test phones with a form to add one and a button to remove each. */
export function StaffPhonesManager({ phones }: { phones: Phone[] }) {
  const adding = useAction(addStaffPhoneAction, { errors: "inline", success: (data) => `${data.name} added.` });
  // The removed phone's name, for the toast (the list may already be re-rendered without it).
  const removedName = useRef("");
  const removing = useAction(removeStaffPhoneAction, { success: () => `${removedName.current} removed.` });
  const pending = adding.pending || removing.pending;
  const failed = adding.error;
  const errors = {
    name: adding.fieldError("name"),
    phone: adding.fieldError("phone"),
    form: failed && !adding.fieldError("name") && !adding.fieldError("phone") ? failed.message : undefined,
  };

  function add(form: HTMLFormElement) {
    const data = new FormData(form);
    adding.run({ name: String(data.get("name") ?? ""), phone: String(data.get("phone") ?? "") }).then((result) => {
      if (result.ok) form.reset();
    });
  }

  function remove(phone: Phone) {
    removedName.current = phone.name;
    removing.run({ id: phone.id });
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
