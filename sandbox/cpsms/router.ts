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

type Route = {
  methods: readonly string[];
  handle: (state: CpsmsSandboxState, request: SandboxRequest) => SandboxResponse;
};

const ROUTES: Record<string, Route> = {
  send: { methods: ["POST"], handle: handleSend },
  sendgroup: { methods: ["POST"], handle: handleSendGroup },
  simplesend: { methods: ["GET"], handle: handleSimpleSend },
  // The documentation's own example asks for the credit with POST.
  creditvalue: { methods: ["GET", "POST"], handle: handleCreditValue },
  deletesms: { methods: ["DELETE"], handle: handleDeleteSms },
  addgroup: { methods: ["POST"], handle: handleAddGroup },
  listgroups: { methods: ["GET"], handle: handleListGroups },
  updategroup: { methods: ["PUT"], handle: handleUpdateGroup },
  deletegroup: { methods: ["DELETE"], handle: handleDeleteGroup },
  addcontact: { methods: ["POST"], handle: handleAddContact },
  listcontacts: { methods: ["GET"], handle: handleListContacts },
  updatecontact: { methods: ["PUT"], handle: handleUpdateContact },
  deletecontact: { methods: ["DELETE"], handle: handleDeleteContact },
  listgroupmembership: { methods: ["GET"], handle: handleListGroupMembership },
  getlog: { methods: ["GET"], handle: handleGetLog },
};

/** Authenticates (Basic) and dispatches one CPSMS v2 API request. */
export function routeCpsmsRequest(state: CpsmsSandboxState, request: SandboxRequest): SandboxResponse {
  if (!isAuthorized(state, request.headers.authorization)) return cpsmsError(401, "Invalid username or API key");
  const route = ROUTES[request.segments[0] ?? ""];
  if (!route?.methods.includes(request.method)) return cpsmsError(404, "Method not found");
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
