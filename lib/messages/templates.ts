import type { FooterLanguage, MessageCategory } from "./opt-out-footer";

/**
 * Restaurant starter texts. Written to fit one GSM-7 segment (160 characters) with a typical first name and
 * restaurant name, before the opt-out footer; plain quotes and dashes only, and æøå are GSM-7, so none of them
 * forces UCS-2. The parts to adapt are plain examples ("20% off", "16-18") rather than [placeholders], because
 * brackets cost two GSM-7 characters each and would be easy to send by mistake. Offers say "selected drinks"
 * rather than naming alcohol, which carriers are known to filter; nothing asks guests to reply, because texts
 * from an alphanumeric sender name can't be answered.
 */
export interface MessageTemplate {
  id: string;
  name: string;
  category: MessageCategory;
  language: FooterLanguage;
  body: string;
}

export const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: "birthday-en",
    name: "Birthday treat",
    category: "marketing",
    language: "en",
    body: "Happy birthday, {first_name|friend}! Celebrate with us at {restaurant}: dessert is on the house any day this month. Show this text when you order.",
  },
  {
    id: "birthday-da",
    name: "Fødselsdag",
    category: "marketing",
    language: "da",
    body: "Tillykke med fødselsdagen, {first_name|kære gæst}! Fejr dagen hos {restaurant}: desserten er på os hele måneden. Vis denne sms, når du bestiller.",
  },
  {
    id: "happy-hour-en",
    name: "Happy hour",
    category: "marketing",
    language: "en",
    body: "Hi {first_name|there}, happy hour today 16-18 at {restaurant}: 2 for 1 on selected drinks. See you at the bar!",
  },
  {
    id: "happy-hour-da",
    name: "Happy hour (dansk)",
    category: "marketing",
    language: "da",
    body: "Hej {first_name|der}, happy hour i dag kl. 16-18 hos {restaurant}: 2 for 1 på udvalgte drinks. Vi ses i baren!",
  },
  {
    id: "slow-night-en",
    name: "Slow night",
    category: "marketing",
    language: "en",
    body: "Hi {first_name|there}, tables are free tonight at {restaurant}. Book before 19:00 and get 20% off your food bill. Call us to book.",
  },
  {
    id: "win-back-en",
    name: "We miss you",
    category: "marketing",
    language: "en",
    body: "We miss you, {first_name|friend}! It's been a while since your last visit to {restaurant}. Come back this week and your first drink is on us.",
  },
  {
    id: "new-menu-en",
    name: "New menu",
    category: "marketing",
    language: "en",
    body: "Hi {first_name|there}, our new season menu is here at {restaurant}. Be among the first to taste it - book your table this week.",
  },
  {
    id: "closure-en",
    name: "Closed for the holidays",
    category: "transactional",
    language: "en",
    body: "Hi {first_name|there}, {restaurant} is closed for the holidays from 23 Dec to 2 Jan. We look forward to seeing you again in the new year!",
  },
  {
    id: "closure-da",
    name: "Lukket i ferien",
    category: "transactional",
    language: "da",
    body: "Hej {first_name|der}, {restaurant} holder lukket i juleferien fra 23. dec til 2. jan. Vi glæder os til at se dig igen i det nye år!",
  },
  {
    id: "reservation-reminder-en",
    name: "Reservation reminder",
    category: "transactional",
    language: "en",
    body: "Hi {first_name|there}, a reminder of your table at {restaurant} tomorrow at 19:00. Can't make it? Please call us so we can give the table to someone else.",
  },
];

/** A starter template by id, or undefined. */
export function getMessageTemplate(id: string): MessageTemplate | undefined {
  return MESSAGE_TEMPLATES.find((t) => t.id === id);
}
