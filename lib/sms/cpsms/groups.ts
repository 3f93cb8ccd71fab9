import { toProviderMsisdn } from "../msisdn";
import type { CpsmsCall, CpsmsHttp } from "./http";
import {
  addGroupResponseSchema,
  type CpsmsGroup,
  confirmationSchema,
  groupMembershipResponseSchema,
  listContactsResponseSchema,
  listGroupsResponseSchema,
} from "./schemas";

export type { CpsmsGroup };

export interface CpsmsContact {
  phoneNumber: string;
  contactName: string | null;
  /** Only newer API versions report it. */
  addedAt: Date | null;
}

export interface CpsmsGroupsApi {
  addGroup(groupName: string): Promise<CpsmsGroup>;
  listGroups(): Promise<CpsmsGroup[]>;
  updateGroup(groupId: number, groupName: string): Promise<void>;
  /** CPSMS only deletes empty groups (409 otherwise). */
  deleteGroup(groupId: number): Promise<void>;
  /** Creates the contact, or adds an existing one to one more group. */
  addContact(contact: { groupId: number; phoneNumber: string; contactName?: string }): Promise<void>;
  listContacts(groupId: number): Promise<CpsmsContact[]>;
  updateContact(contact: { groupId: number; phoneNumber: string; contactName: string }): Promise<void>;
  /** Removes the contact from the group; CPSMS deletes it entirely when it was in no other group. */
  deleteContact(contact: { groupId: number; phoneNumber: string }): Promise<void>;
  listGroupMembership(phoneNumber: string): Promise<CpsmsGroup[]>;
}

/** CPSMS answers 409 "nothing to return" for empty lists; for list calls that simply means none. */
const emptyOn409 = (status: number) => status === 409;

/** Group and contact endpoints. Lists retry freely; changes retry only when CPSMS cannot have seen them. */
export function createCpsmsGroupsApi(http: CpsmsHttp): CpsmsGroupsApi {
  async function confirm(call: CpsmsCall): Promise<void> {
    http.parse(confirmationSchema, await http.call(call), call);
  }

  async function list<T>(call: CpsmsCall, parse: (body: unknown, status: number) => T[]): Promise<T[]> {
    const response = await http.call({ ...call, passThrough: emptyOn409 });
    return response.status === 409 ? [] : parse(response.body, response.status);
  }

  return {
    async addGroup(groupName) {
      const call: CpsmsCall = {
        operation: "addgroup",
        method: "POST",
        path: "/addgroup",
        body: { groupName },
        kind: "write",
      };
      return http.parse(addGroupResponseSchema, await http.call(call), call);
    },
    listGroups() {
      const call: CpsmsCall = { operation: "listgroups", method: "GET", path: "/listgroups", kind: "read" };
      return list(call, (body, status) => http.parse(listGroupsResponseSchema, { status, body }, call));
    },
    updateGroup: (groupId, groupName) =>
      confirm({
        operation: "updategroup",
        method: "PUT",
        path: "/updategroup",
        body: { groupId, groupName },
        kind: "write",
      }),
    deleteGroup: (groupId) =>
      confirm({ operation: "deletegroup", method: "DELETE", path: "/deletegroup", body: { groupId }, kind: "write" }),
    addContact: ({ groupId, phoneNumber, contactName }) =>
      confirm({
        operation: "addcontact",
        method: "POST",
        path: "/addcontact",
        body: {
          groupId,
          phoneNumber: toProviderMsisdn(phoneNumber),
          ...(contactName !== undefined ? { contactName } : {}),
        },
        kind: "write",
      }),
    async listContacts(groupId) {
      const call: CpsmsCall = {
        operation: "listcontacts",
        method: "GET",
        path: `/listcontacts/${groupId}`,
        kind: "read",
      };
      const rows = await list(call, (body, status) => http.parse(listContactsResponseSchema, { status, body }, call));
      return rows.map((row) => ({
        phoneNumber: row.phoneNumber,
        contactName: row.contactName,
        addedAt: row.timeAdded !== undefined ? new Date(row.timeAdded * 1000) : null,
      }));
    },
    updateContact: ({ groupId, phoneNumber, contactName }) =>
      confirm({
        operation: "updatecontact",
        method: "PUT",
        path: "/updatecontact",
        body: { groupId, phoneNumber: toProviderMsisdn(phoneNumber), contactName },
        kind: "write",
      }),
    deleteContact: ({ groupId, phoneNumber }) =>
      confirm({
        operation: "deletecontact",
        method: "DELETE",
        path: "/deletecontact",
        body: { groupId, phoneNumber: toProviderMsisdn(phoneNumber) },
        kind: "write",
      }),
    listGroupMembership(phoneNumber) {
      const path = `/listgroupmembership/${encodeURIComponent(toProviderMsisdn(phoneNumber))}`;
      const call: CpsmsCall = { operation: "listgroupmembership", method: "GET", path, kind: "read" };
      return list(call, (body, status) => http.parse(groupMembershipResponseSchema, { status, body }, call));
    },
  };
}
