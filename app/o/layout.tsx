import "./guest.css";

/** Guest-facing pages (no sign-in): their fonts and styles only load here, not on the dashboard. */
export default function GuestLayout({ children }: { children: React.ReactNode }) {
  return children;
}
