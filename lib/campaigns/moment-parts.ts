import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * A moment in the restaurant's zone as parts a catalogue message words in the reader's language (the weekday and
 * month by number, for a select), since server messages are translated where no time zone is at hand.
 */
export function momentParts(at: Date, timeZone: string) {
  const local = new TZDate(at.getTime(), timeZone);
  return {
    weekday: String(local.getDay()),
    day: local.getDate(),
    month: String(local.getMonth() + 1),
    hour: format(local, "HH"),
    minute: format(local, "mm"),
  };
}
