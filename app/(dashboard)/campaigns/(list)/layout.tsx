export { default } from "@/components/route-states/signed-in-layout";
