// Generated list of this locale's namespaces (lib/i18n/namespaces.ts); each file is one area of the product.

import Account from "./Account.json";
import Auth from "./Auth.json";
import Automations from "./Automations.json";
import Campaigns from "./Campaigns.json";
import Common from "./Common.json";
import Compose from "./Compose.json";
import Console from "./Console.json";
import Contacts from "./Contacts.json";
import Errors from "./Errors.json";
import Groups from "./Groups.json";
import Guest from "./Guest.json";
import History from "./History.json";
import Home from "./Home.json";
import Providers from "./Providers.json";
import Redeem from "./Redeem.json";
import Reports from "./Reports.json";
import Settings from "./Settings.json";
import Shell from "./Shell.json";
import Units from "./Units.json";

export default {
  Common,
  Errors,
  Units,
  Shell,
  Auth,
  Home,
  Settings,
  Account,
  Contacts,
  Groups,
  Compose,
  Campaigns,
  Automations,
  Redeem,
  Reports,
  History,
  Providers,
  Guest,
  Console,
};
