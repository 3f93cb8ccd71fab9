import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import type { SmsappSandboxState } from "./state";

/** Route parameters by name, e.g. {group_id: "606812e63f78b"}. */
export type RouteParams = Record<string, string>;

export interface SmsappAccount {
  expiresAt: Date;
  userUid: string;
}

export type RouteHandler = (
  state: SmsappSandboxState,
  request: SandboxRequest,
  params: RouteParams,
  account: SmsappAccount,
) => SandboxResponse;

export interface SmsappRoute {
  methods: readonly string[];
  /** Laravel URI below api/v3, e.g. "contacts/{group_id}/search/{uid}". */
  uri: string;
  handle: RouteHandler;
}

/** Laravel's Router::$verbs: the order "Supported methods" are listed in. */
const VERBS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

export type RouteMatch = { found: SmsappRoute; params: RouteParams } | { found: null; allowed: string[] }; // allowed empty: no such path at all

/**
 * Laravel 8 route matching: the first route registered for the verb whose URI fits (a `{name}` is one non-empty
 * segment); GET routes answer HEAD too. With none, the verbs some other route on the path takes, in
 * Router::$verbs order (AbstractRouteCollection::checkForAlternateVerbs).
 */
export function matchRoute(routes: readonly SmsappRoute[], method: string, segments: readonly string[]): RouteMatch {
  for (const route of routes) {
    if (!verbsOf(route).includes(method)) continue;
    const params = matchUri(route.uri, segments);
    if (params) return { found: route, params };
  }
  const allowed = VERBS.filter(
    (verb) => verb !== method && routes.some((r) => verbsOf(r).includes(verb) && matchUri(r.uri, segments) !== null),
  );
  return { found: null, allowed };
}

function verbsOf(route: SmsappRoute): readonly string[] {
  return route.methods.includes("GET") ? [...route.methods, "HEAD"] : route.methods;
}

function matchUri(uri: string, segments: readonly string[]): RouteParams | null {
  const parts = uri.split("/");
  if (parts.length !== segments.length) return null;
  const params: RouteParams = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] as string;
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name !== undefined) params[name] = segment;
    else if (part !== segment) return null;
  }
  return params;
}
