/** The consent sentence offered by default (staff may edit it to what the guest actually saw or heard). */
export function defaultConsentWording(restaurantName: string): string {
  return `Yes, ${restaurantName} may send me offers and news by SMS. I can unsubscribe at any time with the link in each message.`;
}
