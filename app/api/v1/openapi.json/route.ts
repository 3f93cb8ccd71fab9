import { serveApiRoute } from "@/lib/api/route-adapter";

export const dynamic = "force-dynamic";

// The API's OpenAPI 3.1 document (public: it describes the API and holds no data).
export const GET = serveApiRoute;
