import { InvalidTemplateSetError } from "../forms/errors";
import { HostError } from "../excel/host";
import type { UiText } from "../i18n/ui";

/** What the pane shows for a failed action: a sentence and, for a bad template set, one line per problem. */
export interface PaneError {
  message: string;
  details: string[];
}

/** Turns anything thrown by the host or the template-set loader into words; never hides the original message. */
export function paneError(e: unknown, t: UiText): PaneError {
  if (e instanceof InvalidTemplateSetError) return { message: t.setInvalid, details: e.problems };
  if (e instanceof HostError) return { message: e.message, details: [] };
  const message = e instanceof Error ? e.message : String(e);
  return { message: t.unexpectedError(message), details: [] };
}
