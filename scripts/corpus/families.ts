/**
 * The kinds of call in the corpus. Each family strings scenes together in a varied order and adds
 * its own items and look-alikes; every family has negatives.
 */
import type { Call } from './scenes.js';
import {
  askName,
  askPin,
  bankDetails,
  checkDob,
  checkEmail,
  checkPhone,
  checkPostcode,
  checkSsnLast4,
  closing,
  driverLicence,
  ending,
  fullSsn,
  greeting,
  hold,
  ibanDetails,
  item,
  sayInTurns,
  securityQuestion,
  smallTalk,
  takeCard,
} from './scenes.js';
import {
  chunk,
  flat,
  sayCard,
  sayCode,
  sayDigits,
  sayIp,
  sayName,
  sayPassword,
  sayPhone,
  sayStreet,
  sayUsername,
} from './mentions.js';
import * as neg from './negatives.js';
import type { Sector } from './people.js';
import {
  PASSWORD_WORDS,
  UK_STREETS,
  US_STREETS,
  USER_WORDS,
  UK_TOWNS,
  US_CITIES,
  US_STATES,
  FIRST_NAMES,
  LAST_NAMES,
} from './people.js';
import * as values from './values.js';

export interface Family {
  name: string;
  /** Sectors whose companies take this kind of call. */
  sectors: readonly Sector[];
  play(call: Call): void;
}

/** Runs the identity checks a family uses, in a random order, a random subset of at least `min`. */
function verify(call: Call, checks: readonly ((call: Call) => void)[], min: number): void {
  const chosen = call.rng.shuffle(checks).slice(0, call.rng.int(min, checks.length));
  for (const check of chosen) check(call);
}

function maybe(call: Call, probability: number, scene: (call: Call) => void): void {
  if (call.rng.chance(probability)) scene(call);
}

const payment: Family = {
  name: 'payment',
  sectors: ['utility', 'retail', 'telecom'],
  play(call) {
    const { script, rng, voice } = call;
    greeting(call, [
      rng.pick([
        "I'd like to pay my bill.",
        "I'm calling to make a payment on my account.",
        'I want to pay for order',
        "I got a letter saying my payment's overdue.",
      ]),
      ...(rng.chance(0.4) ? [neg.recordNumber(voice, 'order_number'), '.'] : []),
    ]);
    askName(call);
    verify(call, [checkPostcode, checkDob, call.uk ? securityQuestion : checkSsnLast4], 1);
    maybe(call, 0.4, smallTalk);
    if (rng.chance(0.5)) {
      script.agent(
        'I can see an outstanding balance of',
        neg.price(voice),
        'from the bill dated',
        ending(call, neg.appointmentDate(voice)),
      );
      script.customer(rng.pick(['Yeah, that sounds right.', 'Okay, can I pay all of that today?']));
    }
    if (rng.chance(0.4)) {
      script.customer(
        'Also the tracking number I got for my last order,',
        neg.trackingNumber(voice),
        ", doesn't work.",
      );
      script.agent("I'll raise that with the courier, sorry about that.");
    }
    if (rng.chance(0.2)) {
      script.customer(
        rng.pick([
          'Actually, can I set up a direct debit instead of paying by card?',
          'Can I just pay from my bank account?',
        ]),
      );
      bankDetails(call, rng.pick(['direct debit', 'automatic payment']));
      script.agent(
        'The first collection will be on',
        neg.appointmentDate(voice),
        'for',
        ending(call, neg.price(voice)),
      );
    } else takeCard(call);
    maybe(call, 0.3, checkEmail);
    closing(call);
  },
};

const addressChange: Family = {
  name: 'address-change',
  sectors: ['utility', 'bank', 'insurance', 'telecom'],
  play(call) {
    const { script, rng, voice } = call;
    greeting(call, [
      rng.pick([
        "I've moved house and need to update my address.",
        'I need to change the address on my account.',
        'I just moved and want my bills to go to the new place.',
      ]),
    ]);
    askName(call);
    verify(call, [checkDob, checkPostcode, securityQuestion], 1);
    script.agent(
      rng.pick([
        "Sure, what's the new address?",
        'No problem. And the new address is?',
        'Congratulations on the move. What is the new address?',
      ]),
    );
    const house = rng.int(2, 2899);
    const street = rng.pick(call.uk ? UK_STREETS : US_STREETS);
    const flatNumber = rng.chance(0.3) ? rng.int(1, 40) : undefined;
    const town = call.uk ? rng.pick(UK_TOWNS) : `${rng.pick(US_CITIES)}, ${rng.pick(US_STATES)}`;
    const newPostcode = call.uk ? values.ukPostcode(rng) : values.zip(rng);
    const said = sayStreet(voice, house, street, flatNumber);
    script.customer(
      ...(rng.chance(0.4) ? ["It's"] : []),
      ending(call, item('STREET_ADDRESS', said), ','),
      `${town},`,
    );
    script.customer(
      call.uk ? 'and the postcode is' : 'ZIP',
      ending(
        call,
        item('POSTAL_CODE', call.uk ? sayCode(voice, newPostcode) : flat(sayDigits(voice, [newPostcode]))),
      ),
    );
    if (rng.chance(0.5)) {
      script.agent(
        'Let me read that back.',
        ending(call, item('STREET_ADDRESS', sayStreet(voice, house, street, flatNumber)), ','),
        `${town},`,
        item('POSTAL_CODE', call.uk ? sayCode(voice, newPostcode) : flat(sayDigits(voice, [newPostcode]))),
        '?',
      );
      script.customer(rng.pick(["That's it.", 'Perfect.', 'Yes.']));
    }
    if (rng.chance(0.5)) {
      script.agent('And when did you move in?');
      script.customer('Last', rng.pick(['week', 'month']), ', on', ending(call, neg.appointmentDate(voice)));
    }
    maybe(call, 0.6, checkPhone);
    maybe(call, 0.5, checkEmail);
    maybe(call, 0.3, smallTalk);
    if (rng.chance(0.2)) bankDetails(call, 'direct debit at the new address');
    script.agent(
      "That's all updated. Your next bill will be on",
      neg.appointmentDate(voice),
      'and should be around',
      ending(call, neg.price(voice)),
    );
    closing(call);
  },
};

function makeUsername(call: Call): string {
  const { rng, customer } = call;
  return rng.pick([
    `${customer.first[0]!.toLowerCase()}${customer.last.toLowerCase()}${rng.int(10, 99)}`,
    `${rng.pick(USER_WORDS)}_${rng.pick(USER_WORDS)}${rng.int(1, 99)}`,
    `${customer.first.toLowerCase()}.${customer.last.toLowerCase()}`,
  ]);
}

function makePassword(call: Call): string {
  const { rng } = call;
  const word = rng.pick(PASSWORD_WORDS);
  return rng.pick([
    `${word[0]!.toUpperCase()}${word.slice(1)}${rng.pick(['!', '#', '$', '*'])}${rng.int(1990, 2024)}`,
    `${word}${rng.int(10, 99)}${rng.pick(PASSWORD_WORDS)}`,
    `${rng.pick(PASSWORD_WORDS)}${rng.pick(['!', '&', '-'])}${word}${rng.int(1, 9)}`,
  ]);
}

const passwordReset: Family = {
  name: 'password-reset',
  sectors: ['software', 'bank', 'retail'],
  play(call) {
    const { script, rng, voice } = call;
    greeting(call, [
      rng.pick([
        "I'm locked out of my online account.",
        'I forgot my password and the reset email never came.',
        "I can't log in to the portal.",
      ]),
    ]);
    script.agent(
      rng.pick([
        "I can help with that. What's your username?",
        'Sure. Can I get the username on the account?',
      ]),
    );
    const username = makeUsername(call);
    script.customer(
      ...(rng.chance(0.4) ? ["It's"] : []),
      ending(call, item('USERNAME', sayUsername(voice, username))),
    );
    if (rng.chance(0.4)) {
      script.agent("So that's", ending(call, item('USERNAME', sayUsername(voice, username)), '?'));
      script.customer('Yep.');
    }
    verify(call, [checkEmail, checkDob, securityQuestion], 1);
    if (rng.chance(0.5)) {
      script.agent(
        'I can see',
        neg.quantity(voice, 'failed attempts'),
        'from this morning around',
        ending(call, neg.time(voice)),
      );
      script.agent(
        rng.pick([
          "Do you know the IP address you were connecting from? It'll be on the error page.",
          'Can you read me the IP address shown on the screen?',
        ]),
      );
      script.customer(
        ...(rng.chance(0.4) ? ['It says'] : []),
        ending(call, item('IP_ADDRESS', sayIp(voice, values.ipAddress(rng)))),
      );
    }
    hold(call);
    const temporary = makePassword(call);
    script.agent(
      rng.pick(["I've reset it. Your temporary password is", 'Okay, the new temporary password is']),
      ending(call, item('PASSWORD', sayPassword(voice, temporary))),
    );
    if (rng.chance(0.5)) {
      script.customer('Sorry, can you repeat that?');
      script.agent(ending(call, item('PASSWORD', sayPassword(voice, temporary))));
    }
    if (rng.chance(0.6)) {
      script.customer(
        rng.pick(["And I'll change it to", 'Can I just set it to', 'I want my new one to be']),
        ending(call, item('PASSWORD', sayPassword(voice, makePassword(call)))),
      );
      script.agent(
        rng.pick([
          "Please don't tell me your new password, just type it in when prompted.",
          "You'll set that yourself online, I don't need to know it.",
        ]),
      );
    }
    script.agent('Your ticket number is', ending(call, neg.recordNumber(voice, 'case_number')));
    closing(call);
  },
};

const insuranceClaim: Family = {
  name: 'insurance-claim',
  sectors: ['insurance', 'health'],
  play(call) {
    const { script, rng, voice } = call;
    greeting(call, [
      rng.pick([
        'I need to file a claim.',
        "I'm calling about a claim I started online.",
        'I had a procedure last week and want to check my coverage.',
      ]),
    ]);
    script.agent(
      rng.pick([
        'Can I have your member ID?',
        "What's the member ID on your insurance card?",
        'Do you have your policy or member number handy?',
      ]),
    );
    const member = values.memberId(rng);
    const spaced = `${member.slice(0, 3)} ${member.slice(3, 7)} ${member.slice(7)}`;
    script.customer(
      ...(rng.chance(0.3) ? ["Yes, it's"] : []),
      ending(call, item('MEMBER_ID', sayCode(voice, spaced))),
    );
    if (rng.chance(0.3)) {
      script.agent('Thank you, that was', ending(call, item('MEMBER_ID', sayCode(voice, spaced)), '?'));
      script.customer('Right.');
    }
    askName(call);
    checkDob(call);
    if (!call.uk) maybe(call, 0.6, rng.chance(0.4) ? fullSsn : checkSsnLast4);
    maybe(call, 0.5, driverLicence);
    script.agent(rng.pick(['And what date did the incident happen?', 'When was the date of service?']));
    script.customer(
      rng.pick(['It was', 'On']),
      ending(call, neg.appointmentDate(voice)),
      rng.pick(['around', 'at about']),
      ending(call, neg.time(voice)),
    );
    if (rng.chance(0.6)) {
      script.agent('Where did it happen?');
      const house = rng.int(1, 999);
      script.customer(
        'Outside',
        ending(
          call,
          item('STREET_ADDRESS', sayStreet(voice, house, rng.pick(call.uk ? UK_STREETS : US_STREETS))),
        ),
        rng.pick(['near the school.', 'by the traffic lights.', '']),
      );
    }
    script.agent('And the total cost was?');
    script.customer(rng.pick(['About', 'It came to', 'The bill says']), ending(call, neg.price(voice)));
    if (rng.chance(0.5)) {
      script.agent("Was anyone else involved? I'll need their name.");
      script.customer(
        rng.pick(['The other driver was', 'Yes, my neighbour,', 'My son,']),
        ending(
          call,
          item('PERSON_NAME', sayName(voice, `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`, 0)),
        ),
      );
    }
    hold(call);
    script.agent(
      "I've opened the claim, the claim number is",
      ending(call, neg.recordNumber(voice, 'reference_number')),
    );
    if (rng.chance(0.5)) {
      if (call.uk && rng.chance(0.4)) ibanDetails(call, 'settlement payment');
      else bankDetails(call, 'settlement payment');
    }
    maybe(call, 0.5, checkPhone);
    closing(call);
  },
};

const bankTransfer: Family = {
  name: 'bank-transfer',
  sectors: ['bank'],
  play(call) {
    const { script, rng, voice } = call;
    greeting(call, [
      rng.pick([
        "I'd like to send some money abroad.",
        'I need to set up a transfer to a new payee.',
        'I want to move money to my other account.',
      ]),
    ]);
    askName(call);
    askPin(call, rng.pick(['telephone banking PIN', '{{four digit}} passcode', 'phone PIN']));
    maybe(call, 0.5, checkDob);
    script.agent(
      rng.pick([
        'Which account are you sending from?',
        'Can you confirm the account number you want to pay from?',
      ]),
    );
    const account = values.bankAccount(rng, call.uk);
    sayInTurns(
      call,
      'customer',
      'BANK_ACCOUNT',
      sayDigits(voice, chunk(account, 4)),
      rng.chance(0.4) ? ["It's"] : [],
      0.3,
    );
    script.agent('How much would you like to send?');
    script.customer(ending(call, neg.price(voice)));
    if (rng.chance(0.6)) {
      ibanDetails(call, 'international payment');
      script.agent("And the recipient's name?");
      script.customer(
        ending(
          call,
          item('PERSON_NAME', sayName(voice, `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`, 0.2)),
        ),
      );
      script.agent("Today's exchange rate includes a fee of", neg.rate(voice), '.');
    } else {
      bankDetails(call, 'new payee');
      if (!call.uk) script.agent('Just so you know, the account earns', neg.rate(voice), 'interest.');
    }
    script.agent('And a reference for the payment?');
    script.customer(
      rng.pick(['Just put', 'Can you put']),
      ending(call, neg.recordNumber(voice, 'reference_number')),
    );
    hold(call);
    script.agent("That's been sent. It should arrive within", neg.quantity(voice, 'hours'), '.');
    closing(call);
  },
};

const identityDocuments: Family = {
  name: 'identity-documents',
  sectors: ['bank', 'insurance'],
  play(call) {
    const { script, rng, voice } = call;
    greeting(call, [
      rng.pick([
        "I'm applying for the account and it asked me to call.",
        'I got a letter saying you need to verify my identity.',
        "I'm finishing my application over the phone.",
      ]),
    ]);
    askName(call);
    checkDob(call);
    if (!call.uk) fullSsn(call);
    maybe(call, 0.9, driverLicence);
    if (rng.chance(0.7)) {
      script.agent('Can you read me your passport number?');
      script.customer(ending(call, item('PASSPORT', sayCode(voice, values.passport(rng, call.uk)))));
      script.agent('And the expiry year on the passport?');
      script.customer(ending(call, neg.ordinaryYear(voice)));
    }
    checkPostcode(call);
    maybe(call, 0.5, checkPhone);
    maybe(call, 0.5, smallTalk);
    script.agent('You should hear back within', neg.quantity(voice, 'business days'), '.');
    closing(call);
  },
};

const travel: Family = {
  name: 'travel',
  sectors: ['travel'],
  play(call) {
    const { script, rng, voice } = call;
    greeting(call, [
      rng.pick([
        'I need to change my flight.',
        "I'm checking in for my trip next week.",
        "My hotel booking isn't showing in the app.",
      ]),
    ]);
    script.agent('Can I have the booking reference?');
    script.customer(ending(call, neg.recordNumber(voice, 'confirmation_number')));
    askName(call);
    script.agent('And which flight are you on?');
    script.customer(
      "It's",
      ending(call, neg.flightNumber(voice)),
      'leaving at',
      ending(call, neg.time(voice)),
    );
    if (rng.chance(0.7)) {
      script.agent('I need the passport details for the booking. Passport number please?');
      script.customer(ending(call, item('PASSPORT', sayCode(voice, values.passport(rng, call.uk)))));
      checkDob(call);
    }
    if (rng.chance(0.5)) {
      script.customer(
        "And I'm in",
        ending(call, neg.roomNumber(voice)),
        'at the hotel, can you add a late checkout?',
      );
      script.agent('Sure, checkout at', neg.time(voice), 'is fine.');
    }
    script.agent('The change fee is', ending(call, neg.price(voice)));
    if (rng.chance(0.3)) {
      script.customer("I'm also picking up a hire car, do you need my licence?");
      driverLicence(call);
    }
    if (rng.chance(0.25)) {
      script.agent('The refund for the old fare will go back by bank transfer.');
      ibanDetails(call, 'refund');
    } else if (rng.chance(0.6)) takeCard(call);
    checkEmail(call);
    closing(call);
  },
};

const telecomSupport: Family = {
  name: 'telecom-support',
  sectors: ['telecom'],
  play(call) {
    const { script, rng, voice } = call;
    greeting(call, [
      rng.pick([
        'My internet keeps dropping out.',
        "I've been double charged on my phone bill.",
        'I want to upgrade my plan.',
      ]),
    ]);
    script.agent(
      rng.pick(["What's the phone number on the account?", 'Can I start with the account phone number?']),
    );
    const said = sayPhone(voice, call.account.phone);
    script.customer(ending(call, item('PHONE_NUMBER', flat(said))));
    askName(call);
    askPin(call, rng.pick(['account PIN', '{{four digit}} security PIN']));
    if (rng.chance(0.6)) {
      script.agent("Can you tell me the router's IP address? It's on the sticker.");
      script.customer(ending(call, item('IP_ADDRESS', sayIp(voice, values.ipAddress(rng)))));
      script.agent('And what is the Wi-Fi password set to? I need it to test the connection.');
      script.customer(ending(call, item('PASSWORD', sayPassword(voice, makePassword(call)))));
    }
    script.agent(
      'I see you called about this on',
      neg.appointmentDate(voice),
      ', ticket',
      ending(call, neg.recordNumber(voice, 'case_number')),
    );
    if (rng.chance(0.5)) {
      script.agent(
        "I'm transferring you to our technical team, their direct line is",
        neg.extension(voice),
        'if you get cut off.',
      );
    }
    if (rng.chance(0.4)) {
      script.customer(
        "I'm on the",
        neg.quantity(voice, 'gigabyte'),
        'plan at',
        ending(call, neg.price(voice)),
        'a month.',
      );
    }
    if (rng.chance(0.4)) {
      script.customer(
        'The new router never came, the order number was',
        ending(call, neg.recordNumber(voice, 'order_number')),
      );
      script.agent(
        'I can see it was dispatched, the tracking number is',
        ending(call, neg.trackingNumber(voice)),
      );
    }
    if (rng.chance(0.3)) bankDetails(call, 'monthly direct debit');
    else if (rng.chance(0.35)) {
      script.agent(
        'There is an overdue balance of',
        neg.price(voice),
        ', would you like to clear it by card today?',
      );
      script.customer('Sure, go ahead.');
      takeCard(call);
    }
    maybe(call, 0.4, smallTalk);
    maybe(call, 0.4, checkEmail);
    closing(call);
  },
};

const cardServices: Family = {
  name: 'card-services',
  sectors: ['bank'],
  play(call) {
    const { script, rng, voice } = call;
    greeting(call, [
      rng.pick([
        'I think my card was stolen.',
        "I've lost my debit card.",
        "There's a charge on my card I don't recognise.",
      ]),
    ]);
    if (rng.chance(0.4)) {
      script.agent("I'm sorry to hear that. Do you have the card number? It might be on a statement.");
      sayInTurns(
        call,
        'customer',
        'CREDIT_CARD',
        sayCard(voice, values.card(rng)),
        [rng.pick(["Yes, it's", 'Okay,', 'From the statement,'])],
        0.4,
      );
    } else {
      script.agent("I'm sorry to hear that. Which card is it, can you give me the last {{four digits}}?");
      const last4 = rng.digits(4);
      script.customer(
        rng.pick(["It's the one ending", 'Ending in', 'The last four are']),
        ending(call, item('CARD_LAST4', flat(sayDigits(voice, [last4], { pairs: true })))),
      );
    }
    if (!call.uk) maybe(call, 0.3, fullSsn);
    askName(call);
    verify(call, [checkDob, checkPostcode, call.uk ? securityQuestion : checkSsnLast4], 2);
    if (rng.chance(0.5)) {
      script.agent(
        'I can see a transaction for',
        neg.price(voice),
        'on',
        ending(call, neg.appointmentDate(voice)),
        'Is that the one?',
      );
      script.customer(rng.pick(["Yes, that's not me.", 'Yeah, I never bought that.']));
    }
    if (rng.chance(0.3)) {
      script.agent("Which account is the card linked to? I'll need to check it.");
      bankDetails(call, 'linked account');
    }
    if (rng.chance(0.4)) script.agent('The replacement card keeps the same', neg.rate(voice), 'APR.');
    hold(call);
    script.agent(
      "I've cancelled that card. The new one will arrive in",
      neg.quantity(voice, 'working days'),
      '.',
    );
    if (rng.chance(0.5)) {
      script.customer(
        "Can I keep the same PIN? It's",
        ending(call, item('PIN', flat(sayDigits(voice, [rng.digits(4)])))),
      );
      script.agent("Please don't share your PIN with me. It'll stay the same on the new card.");
    }
    if (rng.chance(0.5)) {
      script.agent(
        'Do you want it sent to the address on file,',
        ending(
          call,
          item(
            'STREET_ADDRESS',
            sayStreet(voice, rng.int(1, 4999), rng.pick(call.uk ? UK_STREETS : US_STREETS)),
          ),
          '?',
        ),
      );
      script.customer('Yes please.');
    }
    closing(call);
  },
};

const pharmacy: Family = {
  name: 'pharmacy',
  sectors: ['health'],
  play(call) {
    const { script, rng, voice } = call;
    greeting(call, [
      rng.pick([
        'I want to check on my prescription refill.',
        "My prescription wasn't covered and I don't understand why.",
      ]),
    ]);
    askName(call);
    checkDob(call);
    script.agent(
      rng.pick(['And the member ID on your plan?', 'Can I get the ID number from your insurance card?']),
    );
    const member = values.memberId(rng);
    script.customer(ending(call, item('MEMBER_ID', sayCode(voice, member))));
    script.agent(
      'Your prescription number is',
      neg.recordNumber(voice, 'reference_number'),
      ', for',
      neg.quantity(voice, 'tablets'),
      '.',
    );
    script.customer('Can it be ready by', ending(call, neg.time(voice), '?'));
    maybe(call, 0.6, checkPhone);
    if (rng.chance(0.5)) {
      script.agent('Should we deliver it to your home address?');
      const house = rng.int(1, 899);
      script.customer(
        'Yes,',
        ending(
          call,
          item(
            'STREET_ADDRESS',
            sayStreet(
              voice,
              house,
              rng.pick(call.uk ? UK_STREETS : US_STREETS),
              rng.chance(0.3) ? rng.int(1, 30) : undefined,
            ),
          ),
        ),
      );
      checkPostcode(call);
    }
    script.agent('Your copay will be', ending(call, neg.price(voice)));
    if (rng.chance(0.35)) {
      script.customer('Can I pay that now?');
      takeCard(call);
    }
    closing(call);
  },
};

export const FAMILIES: readonly Family[] = [
  payment,
  addressChange,
  passwordReset,
  insuranceClaim,
  bankTransfer,
  identityDocuments,
  travel,
  telecomSupport,
  cardServices,
  pharmacy,
];
