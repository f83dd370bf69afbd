/**
 * The registry: every built-in recognizer. Order matters only for ties: when two overlapping
 * findings score the same and cover the same length, the one made first keeps its label.
 */
import { bankAccountRecognizer } from './bank-account.js';
import { cardCvvRecognizer } from './card-cvv.js';
import { cardExpiryRecognizer } from './card-expiry.js';
import { cardLast4Recognizer } from './card-last4.js';
import { creditCardRecognizer } from './credit-card.js';
import { dateOfBirthRecognizer } from './date-of-birth.js';
import { driversLicenseRecognizer } from './drivers-license.js';
import { emailAddressRecognizer } from './email-address.js';
import { ibanRecognizer } from './iban.js';
import { ipAddressRecognizer } from './ip-address.js';
import { memberIdRecognizer } from './member-id.js';
import { passportRecognizer } from './passport.js';
import { passwordRecognizer } from './password.js';
import { personNameRecognizer } from './person-name.js';
import { phoneNumberRecognizer } from './phone-number.js';
import { pinRecognizer } from './pin.js';
import { eircodeRecognizer, ukPostcodeRecognizer, usZipRecognizer } from './postal-code.js';
import type { Recognizer } from './recognizer.js';
import { routingNumberRecognizer } from './routing-number.js';
import { securityAnswerRecognizer } from './security-answer.js';
import { sortCodeRecognizer } from './sort-code.js';
import { streetAddressRecognizer } from './street-address.js';
import { usSsnLast4Recognizer } from './us-ssn-last4.js';
import { usSsnRecognizer } from './us-ssn.js';
import { usernameRecognizer } from './username.js';

export type { Recognizer, RecognizerInput } from './recognizer.js';

export const RECOGNIZERS: readonly Recognizer[] = [
  creditCardRecognizer,
  cardExpiryRecognizer,
  cardCvvRecognizer,
  cardLast4Recognizer,
  usSsnRecognizer,
  usSsnLast4Recognizer,
  bankAccountRecognizer,
  routingNumberRecognizer,
  ibanRecognizer,
  sortCodeRecognizer,
  pinRecognizer,
  phoneNumberRecognizer,
  emailAddressRecognizer,
  ipAddressRecognizer,
  dateOfBirthRecognizer,
  passportRecognizer,
  driversLicenseRecognizer,
  memberIdRecognizer,
  usZipRecognizer,
  ukPostcodeRecognizer,
  eircodeRecognizer,
  personNameRecognizer,
  streetAddressRecognizer,
  usernameRecognizer,
  passwordRecognizer,
  securityAnswerRecognizer,
];
