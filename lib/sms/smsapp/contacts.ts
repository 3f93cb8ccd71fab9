import { toProviderMsisdn } from "../msisdn";
import type { SmsappCall, SmsappHttp } from "./http";
import { type SmsappPage, toPage } from "./messages";
import {
  contactGroupSchema,
  contactSchema,
  paginatorSchema,
  type SmsappContact,
  type SmsappContactGroup,
} from "./schemas";

export type { SmsappContact, SmsappContactGroup };

export interface SmsappContactInput {
  phone: string;
  firstName?: string;
  lastName?: string;
}

export interface SmsappContactsApi {
  listContactGroups(page?: number): Promise<SmsappPage<SmsappContactGroup>>;
  createContactGroup(name: string): Promise<SmsappContactGroup>;
  /** POST /contacts/{group}/show (the API uses POST for lookups). */
  getContactGroup(groupUid: string): Promise<SmsappContactGroup>;
  updateContactGroup(groupUid: string, name: string): Promise<SmsappContactGroup>;
  deleteContactGroup(groupUid: string): Promise<void>;
  addContact(groupUid: string, contact: SmsappContactInput): Promise<SmsappContact>;
  /** POST /contacts/{group}/search/{uid}. */
  getContact(groupUid: string, contactUid: string): Promise<SmsappContact>;
  updateContact(groupUid: string, contactUid: string, contact: SmsappContactInput): Promise<SmsappContact>;
  deleteContact(groupUid: string, contactUid: string): Promise<void>;
  /** POST /contacts/{group}/all?page=N (25 per page). */
  listContacts(groupUid: string, page?: number): Promise<SmsappPage<SmsappContact>>;
}

/** Contact groups and contacts. Lookups retry freely; changes retry only when smsapp.pk cannot have seen them. */
export function createSmsappContactsApi(http: SmsappHttp): SmsappContactsApi {
  const g = (uid: string) => `/contacts/${encodeURIComponent(uid)}`;
  const c = (uid: string) => encodeURIComponent(uid);
  const body = (input: SmsappContactInput) => ({
    phone: toProviderMsisdn(input.phone),
    ...(input.firstName !== undefined ? { first_name: input.firstName } : {}),
    ...(input.lastName !== undefined ? { last_name: input.lastName } : {}),
  });

  async function group(call: SmsappCall) {
    return http.parse(contactGroupSchema, await http.call(call), call);
  }
  async function contact(call: SmsappCall) {
    return http.parse(contactSchema, await http.call(call), call);
  }

  return {
    async listContactGroups(page = 1) {
      const call: SmsappCall = {
        operation: "contacts/list-groups",
        method: "GET",
        path: "/contacts",
        query: { page },
        kind: "read",
      };
      return toPage(http.parse(paginatorSchema(contactGroupSchema), await http.call(call), call));
    },
    createContactGroup: (name) =>
      group({ operation: "contacts/create-group", method: "POST", path: "/contacts", body: { name }, kind: "write" }),
    getContactGroup: (uid) =>
      group({ operation: "contacts/show-group", method: "POST", path: `${g(uid)}/show`, kind: "read" }),
    updateContactGroup: (uid, name) =>
      group({ operation: "contacts/update-group", method: "PATCH", path: g(uid), body: { name }, kind: "write" }),
    async deleteContactGroup(uid) {
      await http.call({ operation: "contacts/delete-group", method: "DELETE", path: g(uid), kind: "write" });
    },
    addContact: (groupUid, input) =>
      contact({
        operation: "contacts/store",
        method: "POST",
        path: `${g(groupUid)}/store`,
        body: body(input),
        kind: "write",
      }),
    getContact: (groupUid, uid) =>
      contact({ operation: "contacts/search", method: "POST", path: `${g(groupUid)}/search/${c(uid)}`, kind: "read" }),
    updateContact: (groupUid, uid, input) =>
      contact({
        operation: "contacts/update",
        method: "PATCH",
        path: `${g(groupUid)}/update/${c(uid)}`,
        body: body(input),
        kind: "write",
      }),
    async deleteContact(groupUid, uid) {
      await http.call({
        operation: "contacts/delete",
        method: "DELETE",
        path: `${g(groupUid)}/delete/${c(uid)}`,
        kind: "write",
      });
    },
    async listContacts(groupUid, page = 1) {
      const call: SmsappCall = {
        operation: "contacts/all",
        method: "POST",
        path: `${g(groupUid)}/all`,
        query: { page },
        kind: "read",
      };
      return toPage(http.parse(paginatorSchema(contactSchema), await http.call(call), call));
    },
  };
}
