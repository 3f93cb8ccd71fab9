import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import { checkMsisdn } from "../shared/phone";
import { readInput, text } from "./input";
import { laravelPaginator, pageParam } from "./paginator";
import type { SmsappContactRecord, SmsappGroupRecord, SmsappSandboxState } from "./state";
import { modelNotFound, routeNotFound, success, validationError } from "./wire";

const groupView = (g: SmsappGroupRecord) => ({ uid: g.uid, name: g.name });
const contactView = (c: SmsappContactRecord) => ({ uid: c.uid, phone: c.phone, first_name: c.first_name, last_name: c.last_name });

/**
 * /contacts routes. Group and contact uids are 13-character strings; lookups ("show", "search", "all") are
 * POST, as in Ultimate SMS 3.1.
 */
export function handleContacts(state: SmsappSandboxState, request: SandboxRequest): SandboxResponse {
  const [, groupUid, action, contactUid] = request.segments;
  const m = request.method;
  if (groupUid === undefined) {
    if (m === "GET") return listPage(request, [...state.groups.values()].map(groupView));
    if (m === "POST") return createGroup(state, request);
    return routeNotFound();
  }
  const group = state.groups.get(groupUid);
  const known =
    (action === undefined && (m === "PATCH" || m === "DELETE")) ||
    (m === "POST" && (action === "show" || action === "store" || action === "all") && contactUid === undefined) ||
    (contactUid !== undefined && ((m === "POST" && action === "search") || (m === "PATCH" && action === "update") || (m === "DELETE" && action === "delete")));
  if (!known) return routeNotFound();
  if (!group) return modelNotFound("ContactGroups", groupUid);

  if (action === undefined && m === "PATCH") return updateGroup(state, group, request);
  if (action === undefined) {
    state.groups.delete(group.uid);
    return success("Contact group was successfully deleted", null);
  }
  if (action === "show") return success(null, groupView(group));
  if (action === "all") return listPage(request, [...group.contacts.values()].map(contactView));
  if (action === "store") return storeContact(state, group, request);
  const contact = group.contacts.get(contactUid as string);
  if (!contact) return modelNotFound("Contacts", contactUid as string);
  if (action === "search") return success(null, contactView(contact));
  if (action === "delete") {
    group.contacts.delete(contact.uid);
    return success("Contact was successfully deleted", null);
  }
  return updateContact(contact, request);
}

function listPage(request: SandboxRequest, rows: unknown[]): SandboxResponse {
  const path = `${request.url.origin}${request.url.pathname.replace(/\/+$/, "")}`;
  return success(null, laravelPaginator(rows, pageParam(request.query), path));
}

function createGroup(state: SmsappSandboxState, request: SandboxRequest): SandboxResponse {
  const name = text(readInput(request).name)?.trim();
  if (!name || [...state.groups.values()].some((g) => g.name === name)) return validationError();
  const group: SmsappGroupRecord = { uid: state.newUid(), name, contacts: new Map() };
  state.groups.set(group.uid, group);
  return success("Contact group was successfully added", { name: group.name, uid: group.uid });
}

function updateGroup(state: SmsappSandboxState, group: SmsappGroupRecord, request: SandboxRequest): SandboxResponse {
  const name = text(readInput(request).name)?.trim();
  if (!name || [...state.groups.values()].some((g) => g.name === name && g.uid !== group.uid)) return validationError();
  group.name = name;
  return success("Contact group was successfully updated", { name: group.name, uid: group.uid });
}

function storeContact(state: SmsappSandboxState, group: SmsappGroupRecord, request: SandboxRequest): SandboxResponse {
  const input = readInput(request);
  const phone = checkMsisdn(input.phone);
  if (!phone.ok) return validationError();
  const contact: SmsappContactRecord = {
    uid: state.newUid(),
    phone: phone.msisdn,
    first_name: text(input.first_name),
    last_name: text(input.last_name),
  };
  group.contacts.set(contact.uid, contact);
  return success("Contact was successfully added", contactView(contact));
}

function updateContact(contact: SmsappContactRecord, request: SandboxRequest): SandboxResponse {
  const input = readInput(request);
  const phone = checkMsisdn(input.phone);
  if (!phone.ok) return validationError();
  contact.phone = phone.msisdn;
  if (input.first_name !== undefined) contact.first_name = text(input.first_name);
  if (input.last_name !== undefined) contact.last_name = text(input.last_name);
  return success("Contact was successfully updated", contactView(contact));
}
