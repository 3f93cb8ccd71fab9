"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createGroupAction } from "./actions";

/** "New group" button and dialog. */
export function CreateGroupForm() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden /> New group
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>New group</DialogTitle>
          <DialogDescription>Add guests to it afterwards from Contacts.</DialogDescription>
        </DialogHeader>
        <form
          id="create-group"
          className="space-y-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            startTransition(async () => {
              const result = await createGroupAction({
                name: String(data.get("name") ?? ""),
                description: String(data.get("description") ?? ""),
              });
              if (!result.ok) {
                setError(result.error.fieldErrors?.name?.[0] ?? result.error.message);
                return;
              }
              setOpen(false);
              toast.success(`Group "${result.data.name}" created.`);
              router.refresh();
            });
          }}
        >
          <div className="space-y-2">
            <Label htmlFor="group-name">Name</Label>
            <Input id="group-name" name="name" autoComplete="off" aria-invalid={Boolean(error)} />
            <FieldError>{error}</FieldError>
          </div>
          <div className="space-y-2">
            <Label htmlFor="group-description">Description (optional)</Label>
            <Input id="group-description" name="description" autoComplete="off" />
          </div>
        </form>
        <DialogFooter>
          <Button type="submit" form="create-group" disabled={pending}>
            Create group
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
