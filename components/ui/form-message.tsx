import { cn } from "@/lib/utils";

/** A field's validation message; renders nothing when there is none. Link it with aria-describedby={id}. */
export function FieldError({
  id,
  className,
  children,
}: {
  id?: string;
  className?: string;
  children?: React.ReactNode;
}) {
  if (!children) return null;
  return (
    <p id={id} role="alert" className={cn("text-sm font-medium text-destructive", className)}>
      {children}
    </p>
  );
}
