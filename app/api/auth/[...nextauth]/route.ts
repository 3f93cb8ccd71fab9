import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { authOrigin } from "@/lib/auth/request-origin";
import { env } from "@/lib/env";

// Auth.js builds its redirects and forms on request.url, which Next sets to the listening address
// (http://0.0.0.0:3000 with HOST=0.0.0.0): move the request onto the address the browser actually used.
function onPublicOrigin(request: NextRequest): NextRequest {
  const origin = authOrigin(request.url, request.headers.get("host"), env().PUBLIC_URL);
  const url = new URL(request.url);
  if (url.origin === origin) return request;
  return new NextRequest(`${origin}${url.pathname}${url.search}`, request);
}

export const GET = (request: NextRequest) => handlers.GET(onPublicOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(onPublicOrigin(request));
