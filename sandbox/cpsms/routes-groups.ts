import type { SandboxRequest, SandboxResponse } from "../shared/http-server";
import { type CpsmsParams, intParam, readParams, stringParam } from "./params";
import type { CpsmsSandboxState } from "./state";
import { checkRecipient } from "./validation";
import { addGroupBody, confirmation, cpsmsError } from "./wire";

type Handler = (state: CpsmsSandboxState, params: CpsmsParams) => SandboxResponse;

/** Wraps a handler with CPSMS's JSON-or-path parameter reading. */
function withParams(pathNames: string[], handler: Handler) {
  return (state: CpsmsSandboxState, request: SandboxRequest): SandboxResponse => {
    const read = readParams(request, pathNames);
    return "error" in read ? read.error : handler(state, read.params);
  };
}

const groupNotFound = () => cpsmsError(400, "Group not found");
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export const handleAddGroup = withParams(["groupName"], (state, params) => {
  const groupName = stringParam(params.groupName)?.trim();
  if (!groupName) return cpsmsError(400, "groupName is required");
  if ([...state.groups.values()].some((g) => sameName(g.groupName, groupName))) {
    return cpsmsError(406, "A group with that name already exists");
  }
  const group = { groupId: state.nextGroup(), groupName };
  state.groups.set(group.groupId, group);
  return { status: 200, json: addGroupBody(state.options.wireVariant, group) };
});

export const handleListGroups = withParams([], (state) => {
  const groups = [...state.groups.values()].map((g) => ({ groupId: g.groupId, groupName: g.groupName }));
  return groups.length === 0 ? cpsmsError(409, "No groups to return") : { status: 200, json: groups };
});

export const handleUpdateGroup = withParams(["groupId", "groupName"], (state, params) => {
  const groupId = intParam(params.groupId);
  const groupName = stringParam(params.groupName)?.trim();
  if (groupId === null || !groupName) return cpsmsError(400, "groupId and groupName are required");
  const group = state.groups.get(groupId);
  if (!group) return groupNotFound();
  if ([...state.groups.values()].some((g) => g.groupId !== groupId && sameName(g.groupName, groupName))) {
    return cpsmsError(406, "A group with that name already exists");
  }
  group.groupName = groupName;
  return confirmation(state.options.wireVariant, `groupId ${groupId} Updated`);
});

export const handleDeleteGroup = withParams(["groupId"], (state, params) => {
  const groupId = intParam(params.groupId);
  if (groupId === null) return cpsmsError(400, "groupId is required");
  if (!state.groups.has(groupId)) return groupNotFound();
  if ([...state.contacts.values()].some((c) => c.groupIds.has(groupId))) {
    return cpsmsError(409, "The group still has contacts");
  }
  state.groups.delete(groupId);
  return confirmation(state.options.wireVariant, `Group ${groupId} deleted`);
});

export const handleAddContact = withParams(["groupId", "phoneNumber", "contactName"], (state, params) => {
  const groupId = intParam(params.groupId);
  if (groupId === null || params.phoneNumber === undefined)
    return cpsmsError(400, "groupId and phoneNumber are required");
  if (!state.groups.has(groupId)) return groupNotFound();
  const check = checkRecipient(params.phoneNumber);
  if (!check.ok)
    return cpsmsError(409, check.code === 409 ? check.message : "Country code and phone number do not match");
  const contactName = params.contactName === undefined ? null : stringParam(params.contactName);
  const existing = state.contacts.get(check.msisdn);
  if (existing?.groupIds.has(groupId)) return cpsmsError(406, "Contact already exists");
  if (existing) {
    existing.groupIds.add(groupId);
    if (contactName !== null) existing.contactName = contactName;
  } else {
    state.contacts.set(check.msisdn, {
      phoneNumber: check.msisdn,
      contactName,
      timeAdded: Math.floor(state.clock.now() / 1000),
      groupIds: new Set([groupId]),
    });
  }
  return confirmation(state.options.wireVariant, "Contact created/added in group");
});

export const handleListContacts = withParams(["groupId"], (state, params) => {
  const groupId = intParam(params.groupId);
  if (groupId === null) return cpsmsError(400, "groupId is required");
  if (!state.groups.has(groupId)) return groupNotFound();
  const contacts = [...state.contacts.values()]
    .filter((c) => c.groupIds.has(groupId))
    .map((c) => ({ phoneNumber: c.phoneNumber, contactName: c.contactName, timeAdded: c.timeAdded }));
  return contacts.length === 0 ? cpsmsError(409, "No contacts in group") : { status: 200, json: contacts };
});

export const handleUpdateContact = withParams(["groupId", "phoneNumber", "contactName"], (state, params) => {
  const groupId = intParam(params.groupId);
  const phoneNumber = stringParam(params.phoneNumber);
  if (groupId === null || phoneNumber === null) return cpsmsError(400, "groupId and phoneNumber are required");
  const contact = state.contacts.get(phoneNumber);
  if (!contact?.groupIds.has(groupId)) return cpsmsError(409, "Contact not found in group");
  contact.contactName = params.contactName === undefined ? contact.contactName : stringParam(params.contactName);
  return confirmation(state.options.wireVariant, "Contact updated");
});

export const handleDeleteContact = withParams(["groupId", "phoneNumber"], (state, params) => {
  const groupId = intParam(params.groupId);
  const phoneNumber = stringParam(params.phoneNumber);
  if (groupId === null || phoneNumber === null) return cpsmsError(400, "groupId and phoneNumber are required");
  const contact = state.contacts.get(phoneNumber);
  if (!contact?.groupIds.has(groupId)) return cpsmsError(409, "Contact not found in group");
  contact.groupIds.delete(groupId);
  if (contact.groupIds.size === 0) state.contacts.delete(phoneNumber);
  return confirmation(state.options.wireVariant, "Contact deleted/removed");
});

export const handleListGroupMembership = withParams(["phoneNumber"], (state, params) => {
  const phoneNumber = stringParam(params.phoneNumber);
  if (phoneNumber === null) return cpsmsError(400, "phoneNumber is required");
  const contact = state.contacts.get(phoneNumber);
  if (!contact) return cpsmsError(409, "Contact not found");
  const groups = [...contact.groupIds].flatMap((id) => {
    const group = state.groups.get(id);
    return group ? [{ groupId: group.groupId, groupName: group.groupName }] : [];
  });
  return { status: 200, json: { success: groups } };
});
