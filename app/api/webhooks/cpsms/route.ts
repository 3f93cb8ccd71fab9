import { answerCpsmsDeliveryReport } from "@/lib/sms/cpsms/delivery-webhook";

export const dynamic = "force-dynamic";

// `npm start` answers this path before Next's router (lib/runtime/direct-routes.ts), with the same function.
async function handle(request: Request) {
  const { status, body } = await answerCpsmsDeliveryReport(new URL(request.url).searchParams);
  return Response.json(body, { status });
}

export const POST = handle;
export const GET = handle;
