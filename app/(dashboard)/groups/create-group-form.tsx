"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
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
import { useAction } from "@/lib/actions/use-action";
import { createGroupAction } from "./actions";

/** "New group" button and dialog. */
export function CreateGroupForm() {
  const [open, setOpen] = useState(false);
  const {
    run,
    pending,
    error: failed,
    fieldError,
    reset,
  } = useAction(createGroupAction, {
    errors: "inline",
    success: (data) => `Group "${data.name}" created.`,
    onSuccess: () => setOpen(false),
  });
  const error = failed ? (fieldError("name") ?? failed.message) : null;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
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
            run({ name: String(data.get("name") ?? ""), description: String(data.get("description") ?? "") });
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
