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
  /**
   * The same starter template in other languages shares its family ("birthday"): choosing one fills every
   * version. Saved templates have none.
   */
  family?: string;
  name: string;
  category: MessageCategory;
  language: FooterLanguage;
  body: string;
}

export const MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  {
    id: "birthday-en",
    family: "birthday",
    name: "Birthday treat",
    category: "marketing",
    language: "en",
    body: "Happy birthday, {first_name|friend}! Celebrate with us at {restaurant}: dessert is on the house any day this month. Show this text when you order.",
  },
  {
    id: "birthday-da",
    family: "birthday",
    name: "Fødselsdag",
    category: "marketing",
    language: "da",
    body: "Tillykke med fødselsdagen, {first_name|kære gæst}! Fejr dagen hos {restaurant}: desserten er på os hele måneden. Vis denne sms, når du bestiller.",
  },
  {
    id: "happy-hour-en",
    family: "happy-hour",
    name: "Happy hour",
    category: "marketing",
    language: "en",
    body: "Hi {first_name|there}, happy hour today 16-18 at {restaurant}: 2 for 1 on selected drinks. See you at the bar!",
  },
  {
    id: "happy-hour-da",
    family: "happy-hour",
    name: "Happy hour (dansk)",
    category: "marketing",
    language: "da",
    body: "Hej {first_name|der}, happy hour i dag kl. 16-18 hos {restaurant}: 2 for 1 på udvalgte drinks. Vi ses i baren!",
  },
  {
    id: "slow-night-en",
    family: "slow-night",
    name: "Slow night",
    category: "marketing",
    language: "en",
    body: "Hi {first_name|there}, tables are free tonight at {restaurant}. Book before 19:00 and get 20% off your food bill. Call us to book.",
  },
  {
    id: "win-back-en",
    family: "win-back",
    name: "We miss you",
    category: "marketing",
    language: "en",
    body: "We miss you, {first_name|friend}! It's been a while since your last visit to {restaurant}. Come back this week and your first drink is on us.",
  },
  {
    id: "new-menu-en",
    family: "new-menu",
    name: "New menu",
    category: "marketing",
    language: "en",
    body: "Hi {first_name|there}, our new season menu is here at {restaurant}. Be among the first to taste it - book your table this week.",
  },
  {
    id: "closure-en",
    family: "closure",
    name: "Closed for the holidays",
    category: "transactional",
    language: "en",
    body: "Hi {first_name|there}, {restaurant} is closed for the holidays from 23 Dec to 2 Jan. We look forward to seeing you again in the new year!",
  },
  {
    id: "closure-da",
    family: "closure",
    name: "Lukket i ferien",
    category: "transactional",
    language: "da",
    body: "Hej {first_name|der}, {restaurant} holder lukket i juleferien fra 23. dec til 2. jan. Vi glæder os til at se dig igen i det nye år!",
  },
  {
    id: "reservation-reminder-en",
    family: "reservation-reminder",
    name: "Reservation reminder",
    category: "transactional",
    language: "en",
    body: "Hi {first_name|there}, a reminder of your table at {restaurant} tomorrow at 19:00. Can't make it? Please call us so we can give the table to someone else.",
  },
  // Urdu texts are UCS-2 whatever their wording (70 characters a segment, 67 when joined), so they are kept short.
  {
    id: "birthday-ur",
    family: "birthday",
    name: "سالگرہ",
    category: "marketing",
    language: "ur",
    body: "سالگرہ مبارک، {first_name|دوست}! اس مہینے {restaurant} میں میٹھا ہماری طرف سے۔ آرڈر کرتے وقت یہ پیغام دکھائیں۔",
  },
  {
    id: "happy-hour-ur",
    family: "happy-hour",
    name: "ہیپی آور",
    category: "marketing",
    language: "ur",
    body: "{first_name|دوست}، آج شام 4 سے 6 بجے تک {restaurant} میں منتخب مشروبات پر ایک کے ساتھ ایک مفت!",
  },
  {
    id: "closure-ur",
    family: "closure",
    name: "چھٹیوں میں بند",
    category: "transactional",
    language: "ur",
    body: "{restaurant} چھٹیوں میں 23 دسمبر سے 2 جنوری تک بند رہے گا۔ نئے سال میں آپ سے دوبارہ ملنے کا انتظار رہے گا!",
  },
  {
    id: "reservation-reminder-ur",
    family: "reservation-reminder",
    name: "ریزرویشن کی یاد دہانی",
    category: "transactional",
    language: "ur",
    body: "{first_name|جناب}، یاد دہانی: کل شام 7 بجے {restaurant} میں آپ کی میز بک ہے۔ نہ آ سکیں تو براہ کرم ہمیں فون کریں۔",
  },
];

/** The same starter template in another language, if there is one. */
export function templateInLanguage(template: { family?: string }, language: string): MessageTemplate | undefined {
  if (!template.family) return undefined;
  return MESSAGE_TEMPLATES.find((t) => t.family === template.family && t.language === language);
}

/** A starter template by id, or undefined. */
export function getMessageTemplate(id: string): MessageTemplate | undefined {
  return MESSAGE_TEMPLATES.find((t) => t.id === id);
}
