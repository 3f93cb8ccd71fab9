import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import { handleCreditValue, handleDeleteSms, handleGetLog } from "./routes-account";
import {
  handleAddContact,
  handleAddGroup,
  handleDeleteContact,
  handleDeleteGroup,
  handleListContacts,
  handleListGroupMembership,
  handleListGroups,
  handleUpdateContact,
  handleUpdateGroup,
} from "./routes-groups";
import { handleSend, handleSendGroup, handleSimpleSend } from "./routes-send";
import type { CpsmsSandboxState } from "./state";
import { cpsmsError } from "./wire";

type Route = { method: string; handle: (state: CpsmsSandboxState, request: SandboxRequest) => SandboxResponse };

const ROUTES: Record<string, Route> = {
  send: { method: "POST", handle: handleSend },
  sendgroup: { method: "POST", handle: handleSendGroup },
  simplesend: { method: "GET", handle: handleSimpleSend },
  creditvalue: { method: "GET", handle: handleCreditValue },
  deletesms: { method: "DELETE", handle: handleDeleteSms },
  addgroup: { method: "POST", handle: handleAddGroup },
  listgroups: { method: "GET", handle: handleListGroups },
  updategroup: { method: "PUT", handle: handleUpdateGroup },
  deletegroup: { method: "DELETE", handle: handleDeleteGroup },
  addcontact: { method: "POST", handle: handleAddContact },
  listcontacts: { method: "GET", handle: handleListContacts },
  updatecontact: { method: "PUT", handle: handleUpdateContact },
  deletecontact: { method: "DELETE", handle: handleDeleteContact },
  listgroupmembership: { method: "GET", handle: handleListGroupMembership },
  getlog: { method: "GET", handle: handleGetLog },
};

/** Authenticates (Basic) and dispatches one CPSMS v2 API request. */
export function routeCpsmsRequest(state: CpsmsSandboxState, request: SandboxRequest): SandboxResponse {
  if (!isAuthorized(state, request.headers.authorization)) return cpsmsError(401, "Invalid username or API key");
  const route = ROUTES[request.segments[0] ?? ""];
  if (!route || route.method !== request.method) return cpsmsError(404, "Method not found");
  return route.handle(state, request);
}

function isAuthorized(state: CpsmsSandboxState, header: string | undefined): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon === -1) return false;
  return decoded.slice(0, colon) === state.options.username && decoded.slice(colon + 1) === state.options.apiKey;
}
