/** The month names, as the normaliser writes them (lower case, in full) and date recognizers read them. */
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** A regular-expression group matching any month name. */
export const MONTH_NAME_PATTERN = `(?:${MONTH_NAMES.join('|')})`;
