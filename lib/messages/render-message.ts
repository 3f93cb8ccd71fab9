import { type MergeValues, renderTemplate } from "./merge-fields";
import { type FooterLanguage, withOptOutFooter } from "./opt-out-footer";

export interface MessageOptions {
  optOutFooter: boolean;
  footerLanguage?: FooterLanguage;
}

/**
 * The exact text one recipient receives: template plus opt-out footer (when on), with merge fields filled in.
 * The editor's preview and counts use the same two steps, so what staff see is what is sent.
 */
export function renderMessage(template: string, values: MergeValues, options: MessageOptions): string {
  return renderTemplate(withOptOutFooter(template, options.optOutFooter, options.footerLanguage), values);
}
