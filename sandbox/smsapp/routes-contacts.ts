import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import { checkMsisdn } from "../shared/phone";
import { readInput, text } from "./input";
import { laravelPaginator, pageParam } from "./paginator";
import type { RouteParams } from "./route-table";
import type { SmsappContactRecord, SmsappGroupRecord, SmsappSandboxState } from "./state";
import { modelNotFound, success, validationError } from "./wire";

const groupView = (g: SmsappGroupRecord) => ({ uid: g.uid, name: g.name });
const contactView = (c: SmsappContactRecord) => ({
  uid: c.uid,
  phone: c.phone,
  first_name: c.first_name,
  last_name: c.last_name,
});

type Handler = (state: SmsappSandboxState, request: SandboxRequest, params: RouteParams) => SandboxResponse;

/** Route-model binding: a group uid that does not exist is Laravel's ModelNotFoundException. */
function withGroup(
  name: string,
  handle: (
    state: SmsappSandboxState,
    request: SandboxRequest,
    group: SmsappGroupRecord,
    params: RouteParams,
  ) => SandboxResponse,
): Handler {
  return (state, request, params) => {
    const uid = params[name] ?? "";
    const group = state.groups.get(uid);
    return group ? handle(state, request, group, params) : modelNotFound("ContactGroups", uid);
  };
}

function withContact(
  handle: (
    state: SmsappSandboxState,
    request: SandboxRequest,
    group: SmsappGroupRecord,
    contact: SmsappContactRecord,
  ) => SandboxResponse,
): Handler {
  return withGroup("group_id", (state, request, group, params) => {
    const uid = params.uid ?? "";
    const contact = group.contacts.get(uid);
    return contact ? handle(state, request, group, contact) : modelNotFound("Contacts", uid);
  });
}

/** GET /contacts (resource index). */
export const listGroups: Handler = (state, request) => listPage(request, [...state.groups.values()].map(groupView));
/** POST /contacts (resource store). */
export const createGroup: Handler = (state, request) => {
  const name = text(readInput(request).name)?.trim();
  if (!name || [...state.groups.values()].some((g) => g.name === name)) return validationError();
  const group: SmsappGroupRecord = { uid: state.newUid(), name, contacts: new Map() };
  state.groups.set(group.uid, group);
  return success("Contact group was successfully added", { name: group.name, uid: group.uid });
};
/** PUT or PATCH /contacts/{contact} (resource update). */
export const updateGroup = withGroup("contact", (state, request, group) => {
  const name = text(readInput(request).name)?.trim();
  if (!name || [...state.groups.values()].some((g) => g.name === name && g.uid !== group.uid)) return validationError();
  group.name = name;
  return success("Contact group was successfully updated", { name: group.name, uid: group.uid });
});
/** DELETE /contacts/{contact} (resource destroy). */
export const deleteGroup = withGroup("contact", (state, _request, group) => {
  state.groups.delete(group.uid);
  return success("Contact group was successfully deleted", null);
});
/** POST /contacts/{group_id}/show. */
export const showGroup = withGroup("group_id", (_state, _request, group) => success(null, groupView(group)));
/** POST /contacts/{group_id}/all?page=N. */
export const listContacts = withGroup("group_id", (_state, request, group) =>
  listPage(request, [...group.contacts.values()].map(contactView)),
);
/** POST /contacts/{group_id}/store. */
export const storeContact = withGroup("group_id", (state, request, group) => {
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
});
/** POST /contacts/{group_id}/search/{uid}. */
export const searchContact = withContact((_state, _request, _group, contact) => success(null, contactView(contact)));
/** PATCH /contacts/{group_id}/update/{uid}. */
export const updateContact = withContact((_state, request, _group, contact) => {
  const input = readInput(request);
  const phone = checkMsisdn(input.phone);
  if (!phone.ok) return validationError();
  contact.phone = phone.msisdn;
  if (input.first_name !== undefined) contact.first_name = text(input.first_name);
  if (input.last_name !== undefined) contact.last_name = text(input.last_name);
  return success("Contact was successfully updated", contactView(contact));
});
/** DELETE /contacts/{group_id}/delete/{uid}. */
export const deleteContact = withContact((_state, _request, group, contact) => {
  group.contacts.delete(contact.uid);
  return success("Contact was successfully deleted", null);
});

function listPage(request: SandboxRequest, rows: unknown[]): SandboxResponse {
  const path = `${request.url.origin}${request.url.pathname.replace(/\/+$/, "")}`;
  return success(null, laravelPaginator(rows, pageParam(request.query), path));
}
