import { LETTER_KINDS, outcomeOf, REPLY_LETTER, type LetterKind } from '@xxgk/core';
import type { ApplicationRow } from '@xxgk/db';

/**
 * Which letters an application can have now: before the decision, the letters of handling (receipt,
 * 补正, extension, consultation, fee); once decided, only the reply for its outcome.
 */
export function lettersAvailable(application: ApplicationRow): LetterKind[] {
  if (application.outcome_code === null) {
    return LETTER_KINDS.filter((k) => !k.startsWith('reply_'));
  }
  return [REPLY_LETTER[outcomeOf(application.outcome_code).letter]];
}
