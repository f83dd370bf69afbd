/**
 * Payment cues: the words that open payment context (card data is being given) and close it. Cues
 * in the syntax of `compileCues` (lower-case, regular-expression syntax, a space for any
 * whitespace), matched against normalised text, so numbers appear as digits (`3 digits`).
 */

/** The cardholder named: a payment cue here, a name question for the free-text recognizers. */
export const CARDHOLDER_CUES: readonly string[] = ['name on the card', 'cardholder', 'card holder'];
/** The billing address named: a payment cue here, an address question for the free-text recognizers. */
export const BILLING_ADDRESS_CUES: readonly string[] = ['billing address'];

/** Words that open payment context: from here on, digit runs are treated as card data. */
export const PAYMENT_CUES: readonly string[] = [
  'card number',
  'card numbers',
  'long number( on the (front|card))?',
  'number on the (front|card)',
  '(credit|debit|bank|payment|charge) cards?',
  'cards? details',
  'visa',
  'master ?card',
  'amex',
  'american express',
  'discover card',
  'diners club',
  'jcb',
  'maestro',
  'union ?pay',
  'pay',
  'paying',
  'payment',
  'payments',
  'make a payment',
  'take a payment',
  'process (the|a|your) (payment|card)',
  'charge (it|that|the card|your card)',
  'expiry',
  'expiration',
  'exp date',
  'expires',
  'valid (thru|through|until)',
  'security code',
  'cvv',
  'cvc',
  'cv2',
  'csc',
  '3 digits? (code|number)?',
  'digits on the back',
  'code on the back',
  'billing',
  ...BILLING_ADDRESS_CUES,
  ...CARDHOLDER_CUES,
];

/** Words that close payment context: the payment is done, or the call moves on. */
export const CLOSURE_CUES: readonly string[] = [
  'payment (went|has gone|gone) through',
  "(that|it|that's|it's|that has|it has) (gone|went) through",
  'authori[sz]ation (code|number)',
  'been authori[sz]ed',
  "(that|it|payment)('s| has| is) (been )?(processed|approved|accepted|successful|complete|completed)",
  'been (processed|approved|accepted)',
  'approved',
  'payment (was|is) successful',
  'transaction (is |was |has been )?(complete|completed|approved|successful)',
  'is there anything else',
  'anything else (i|we) can (help|do)',
  'your (receipt|confirmation) number',
  'confirmation number',
];
