/**
 * Scenes every kind of call is built from: greetings, identity checks, holds, small talk, card
 * payments, closings. Each writes lines into the call's script, marking what is sensitive.
 */
import type { Said, SaidGroups, Voice } from './mentions.js';
import {
  chunk,
  flat,
  sayCard,
  sayCode,
  sayDate,
  sayDigits,
  sayEmail,
  sayExpiry,
  sayFullName,
  sayIban,
  sayName,
  sayPhone,
  saySortCode,
} from './mentions.js';
import * as neg from './negatives.js';
import type { Person } from './people.js';
import { BIRTH_CITIES, CAR_MAKES, PET_NAMES, SCHOOLS, LAST_NAMES } from './people.js';
import type { Random } from './random.js';
import type { GoldType, Part, Piece, Script, Speaker } from './script.js';
import { gold, newGroup, punctuate } from './script.js';
import * as values from './values.js';

export interface Call {
  rng: Random;
  voice: Voice;
  uk: boolean;
  company: string;
  agent: string;
  customer: Person;
  script: Script;
  /** What the customer's account holds, so read-backs and checks agree. */
  account: {
    dob: { day: number; month: number; year: number };
    phone: values.Phone;
    email: { local: string; domain: string };
    postcode: string;
  };
}

/** Marks what was said as one sensitive item. */
export function item(type: GoldType, said: Said, group?: number): Piece {
  return gold(type, said.tokens, said.form, group);
}

/** Ends a piece with a full stop or a question mark, as engines punctuate most of the time. */
export function ending(call: Call, piece: Piece, mark = '.'): Piece {
  return call.rng.chance(0.75) ? punctuate(piece, mark) : piece;
}

/**
 * Says a grouped item, sometimes split over two or three turns with the other party acknowledging in
 * between ("mm hmm", "okay go on"): the pieces share one group so they are labelled as one item.
 */
export function sayInTurns(
  call: Call,
  speaker: Speaker,
  type: GoldType,
  said: SaidGroups,
  lead: Part[] = [],
  splitChance = 0.35,
): void {
  const { rng, script } = call;
  const other: Speaker = speaker === 'agent' ? 'customer' : 'agent';
  if (said.groups.length < 2 || !rng.chance(splitChance)) {
    script.say(speaker, ...lead, ending(call, gold(type, said.groups.flat(), said.form)));
    return;
  }
  const group = newGroup();
  const cuts =
    said.groups.length >= 4 && rng.chance(0.5)
      ? [2, said.groups.length - 1]
      : [Math.ceil(said.groups.length / 2)];
  let from = 0;
  [...cuts, said.groups.length].forEach((cut, index) => {
    const tokens = said.groups.slice(from, cut).flat();
    const piece = gold(type, tokens, `${said.form}-split`, group);
    script.say(
      speaker,
      ...(index === 0 ? lead : []),
      index < cuts.length ? punctuate(piece, ',') : ending(call, piece),
    );
    if (index < cuts.length) {
      script.backchannel(
        other,
        rng.pick(['Mm hmm.', 'Okay.', 'Okay, go on.', 'Yep.', 'Uh huh.', 'Got it.', 'Right.', 'Yes.']),
      );
    }
    from = cut;
  });
}

export function greeting(call: Call, reason: Part[]): void {
  const { script, rng } = call;
  const hello = rng.pick([
    `Thank you for calling ${call.company},`,
    `Good ${rng.pick(['morning', 'afternoon'])}, you're through to ${call.company},`,
    `Hi, thanks for calling ${call.company},`,
    `${call.company}, hello,`,
  ]);
  script.agent(
    hello,
    rng.pick(['my name is', 'this is', "you're speaking with"]),
    ending(call, item('PERSON_NAME', { tokens: [call.agent], form: 'agent-intro' }), ','),
    rng.pick(['how can I help you today?', 'how may I help?', 'what can I do for you today?']),
  );
  script.customer(rng.pick(['Hi,', 'Hello,', 'Oh hi,', 'Yeah hi,']), ...reason);
}

export function askName(call: Call): void {
  const { script, rng } = call;
  script.agent(
    rng.pick([
      'Can I take your full name please?',
      'Could I get your first and last name?',
      'Who am I speaking with today?',
      'And your name please?',
    ]),
  );
  const said = sayFullName(call.voice, call.customer);
  script.customer(
    ...(rng.chance(0.5) ? [rng.pick(["It's", "Yeah, it's", 'My name is'])] : []),
    ending(call, item('PERSON_NAME', said)),
  );
  if (said.form === 'plain' && rng.chance(0.35)) {
    script.agent(
      rng.pick([
        'And how do you spell the surname?',
        'Could you spell the last name for me?',
        'Can you spell that for me?',
      ]),
    );
    const spelled = sayName(call.voice, call.customer.last, 1);
    script.customer(
      ending(
        call,
        item('PERSON_NAME', {
          tokens: spelled.tokens.filter((t) => !t.endsWith(',')),
          form: 'spelled-answer',
        }),
      ),
    );
  }
  if (rng.chance(0.2))
    script.agent(
      'Thank you,',
      ending(call, item('PERSON_NAME', { tokens: [call.customer.first], form: 'agent-address' })),
    );
  else if (rng.chance(0.3)) script.agent(rng.pick(['Thanks for that.', 'Lovely, thank you.']));
}

export function checkDob(call: Call): void {
  const { script, rng } = call;
  script.agent(
    rng.pick([
      'And can you confirm your date of birth?',
      "What's your date of birth please?",
      'Can I get your date of birth?',
      'And the date of birth on the account?',
    ]),
  );
  const said = sayDate(call.voice, call.account.dob);
  script.customer(
    ...(rng.chance(0.4) ? [rng.pick(["It's", 'Sure,', 'Um,'])] : []),
    ending(call, item('DATE_OF_BIRTH', said)),
  );
  if (rng.chance(0.3)) {
    script.agent(
      rng.pick(['That was', 'So', 'Just to confirm,']),
      ending(call, item('DATE_OF_BIRTH', sayDate(call.voice, call.account.dob)), '?'),
    );
    script.customer(rng.pick(['Yes.', "That's right.", 'Correct.']));
  } else script.agent(rng.pick(['Perfect, thank you.', 'Thank you.', 'Great.']));
}

export function checkPostcode(call: Call): void {
  const { script, rng } = call;
  if (call.uk) {
    script.agent(
      rng.pick([
        'And the postcode on the account?',
        "Can you give me the first line of your address and postcode? Actually, just the postcode's fine.",
        'What postcode do we have for you?',
      ]),
    );
  } else {
    script.agent(
      rng.pick([
        'And the ZIP code on the account?',
        "What's the billing ZIP code?",
        'Can I get your ZIP code please?',
      ]),
    );
  }
  const said = call.uk
    ? sayCode(call.voice, call.account.postcode)
    : flat(sayDigits(call.voice, [call.account.postcode]));
  script.customer(ending(call, item('POSTAL_CODE', said)));
  if (rng.chance(0.25)) {
    script.agent(
      rng.pick(['That was', "So that's"]),
      ending(
        call,
        item(
          'POSTAL_CODE',
          call.uk
            ? sayCode(call.voice, call.account.postcode)
            : flat(sayDigits(call.voice, [call.account.postcode])),
        ),
        '?',
      ),
    );
    script.customer('Yes.');
  }
}

export function checkPhone(call: Call): void {
  const { script, rng } = call;
  script.agent(
    rng.pick([
      "What's the best phone number to reach you on?",
      'Can I confirm the phone number on the account?',
      'And a contact number in case we get cut off?',
    ]),
  );
  const said = sayPhone(call.voice, call.account.phone);
  sayInTurns(
    call,
    'customer',
    'PHONE_NUMBER',
    said,
    rng.chance(0.4) ? [rng.pick(["Yeah it's", "Sure, it's", "It's"])] : [],
    0.25,
  );
  if (rng.chance(0.35)) {
    script.agent(
      rng.pick(["Let me read that back, that's", 'So I have', 'Okay, that was']),
      ending(call, item('PHONE_NUMBER', flat(sayPhone(call.voice, call.account.phone))), '?'),
    );
    script.customer(rng.pick(["That's it.", 'Yes.', "Yep, that's right."]));
  }
}

export function checkEmail(call: Call): void {
  const { script, rng } = call;
  script.agent(
    rng.pick([
      'And what email address should we use?',
      'Can I get an email address for the confirmation?',
      "What's the email on the account?",
    ]),
  );
  const { local, domain } = call.account.email;
  script.customer(
    ...(rng.chance(0.5) ? [rng.pick(["It's", "Yeah, so it's", 'Sure,'])] : []),
    ending(call, item('EMAIL_ADDRESS', sayEmail(call.voice, local, domain))),
  );
  if (rng.chance(0.3)) {
    script.agent("So that's", ending(call, item('EMAIL_ADDRESS', sayEmail(call.voice, local, domain)), '?'));
    script.customer(rng.pick(['Correct.', 'Yes.', 'Yep.']));
  }
}

export function checkSsnLast4(call: Call): void {
  const { script, rng } = call;
  const last4 = values.ssn(rng).slice(5);
  script.agent(
    rng.pick([
      'And the last {{four}} of your social?',
      'Can you verify the last {{four digits}} of your Social Security number?',
      'For security, last {{four}} of the social please.',
    ]),
  );
  if (rng.chance(0.15)) {
    const ssn = values.ssn(rng);
    script.customer(
      "Do you want the whole thing? It's",
      ending(
        call,
        item(
          'US_SSN',
          flat(sayDigits(call.voice, [ssn.slice(0, 3), ssn.slice(3, 5), ssn.slice(5)], { joiner: '-' })),
        ),
      ),
    );
    script.agent('Just the last four is fine, but thank you.');
    return;
  }
  const said = flat(sayDigits(call.voice, [last4]));
  if (rng.chance(0.4)) script.customer("It's", ending(call, item('US_SSN_LAST4', said)));
  else script.customer(ending(call, item('US_SSN_LAST4', said)));
  script.agent(rng.pick(['Thank you.', "Great, you're verified.", 'Perfect.']));
}

type Question = { ask: string[]; answer: (call: Call) => Said };

const SECURITY_QUESTIONS: readonly Question[] = [
  {
    ask: [
      "What's your mother's maiden name?",
      "Can you tell me your mother's maiden name?",
      "Your security question is mother's maiden name.",
    ],
    answer: (call) => sayName(call.voice, call.rng.pick(LAST_NAMES), 0.3),
  },
  {
    ask: [
      'What was the name of your first pet?',
      'The security question on file is the name of your first pet.',
    ],
    answer: (call) => ({ tokens: call.rng.pick(PET_NAMES).split(' '), form: 'plain' }),
  },
  {
    ask: ['What city were you born in?', 'Can you tell me your city of birth?'],
    answer: (call) => ({ tokens: [call.rng.pick(BIRTH_CITIES)], form: 'plain' }),
  },
  {
    ask: ['What was the name of your first school?', 'Which primary school did you go to?'],
    answer: (call) => ({ tokens: call.rng.pick(SCHOOLS).split(' '), form: 'plain' }),
  },
  {
    ask: ['What was the make of your first car?'],
    answer: (call) => ({ tokens: call.rng.pick(CAR_MAKES).split(' '), form: 'plain' }),
  },
];

export function securityQuestion(call: Call): void {
  const { script, rng } = call;
  const question = rng.pick(SECURITY_QUESTIONS);
  script.agent(
    rng.pick(['I just need to ask you a security question.', 'One more security check.', '']),
    rng.pick(question.ask),
  );
  const said = question.answer(call);
  if (rng.chance(0.3))
    script.customer(
      rng.pick(['Oh, um,', 'Let me think,', 'Ha, okay,']),
      ending(call, item('SECURITY_ANSWER', said)),
    );
  else if (rng.chance(0.4)) script.customer("It's", ending(call, item('SECURITY_ANSWER', said)));
  else script.customer(ending(call, item('SECURITY_ANSWER', said)));
  script.agent(rng.pick(["That's correct, thank you.", 'Perfect, that matches.', 'Great, thank you.']));
}

export function hold(call: Call): void {
  const { script, rng } = call;
  script.agent(
    rng.pick([
      'Let me just pull that up for you, bear with me one moment.',
      'Can I pop you on a brief hold?',
      "I'm just going to place you on hold for a moment while I check that.",
      'Give me one second, the system is a bit slow today.',
    ]),
  );
  if (rng.chance(0.5)) script.customer(rng.pick(['Sure.', 'No problem.', 'Okay.', "Yeah that's fine."]));
  script.pause(rng.int(4000, 45000));
  script.agent(
    rng.pick([
      'Thanks for holding.',
      'Thank you for your patience.',
      'Sorry about the wait.',
      "Okay, I'm back.",
    ]),
  );
}

export function smallTalk(call: Call): void {
  const { script, rng, voice } = call;
  switch (rng.int(0, 4)) {
    case 0:
      script.customer("Sorry, the line is a bit bad, I'm on the train.");
      script.agent('No worries, I can hear you fine.');
      break;
    case 1:
      script.agent(rng.pick(['How is your day going?', 'Are you having a good week?']));
      script.customer(
        "Not bad, I've been on hold for about",
        neg.quantity(voice, 'minutes'),
        rng.pick(['though.', 'to be honest.']),
      );
      script.agent("I'm sorry about that, it's been really busy today.");
      break;
    case 2:
      script.customer(
        "I've been a customer since",
        neg.ordinaryYear(voice),
        rng.pick(['actually.', 'so I know the drill.']),
      );
      script.agent('Oh wow, thank you for staying with us that long.');
      break;
    case 3:
      script.agent(
        'Is now still a good time? I know you mentioned you had a meeting at',
        neg.time(voice),
        '.',
      );
      script.customer("Yeah, I've got a few minutes.");
      break;
    default:
      script.customer('The app kept crashing, I tried it like', neg.quantity(voice, 'times'), '.');
      script.agent("That's frustrating, I'll note that for our tech team.");
  }
}

export function closing(call: Call): void {
  const { script, rng, voice } = call;
  if (rng.chance(0.4)) {
    script.agent(
      rng.pick(['Your reference for today is', 'If you need to call back, the case number is']),
      ending(
        call,
        rng.chance(0.5)
          ? neg.recordNumber(voice, 'case_number')
          : neg.recordNumber(voice, 'reference_number'),
      ),
    );
    script.customer(rng.pick(["Thanks, I've written that down.", 'Great, got it.']));
  }
  script.agent(
    rng.pick([
      'Is there anything else I can help with today?',
      'Anything else I can do for you?',
      'Is there anything else?',
    ]),
  );
  script.customer(
    rng.pick([
      "No, that's everything, thanks.",
      "That's all, thank you so much.",
      "No, that's it. Thanks for your help.",
    ]),
  );
  script.agent(
    rng.pick([
      `Thanks for calling ${call.company}, have a great day.`,
      "You're welcome, take care. Bye now.",
      'Have a lovely rest of your day. Goodbye.',
    ]),
  );
  if (rng.chance(0.6)) script.customer(rng.pick(['Bye.', 'Thanks, bye.', 'Cheers, bye.']));
}

/** Card number, expiry, security code and the agent's read-back, with prices and an order number about. */
export function takeCard(call: Call): void {
  const { script, rng, voice } = call;
  const card = values.card(rng);
  const expiry = values.expiry(rng);
  if (rng.chance(0.5)) {
    script.agent(
      rng.pick(['Okay, so the total today comes to', 'So that will be', 'The amount due is']),
      ending(call, neg.price(voice)),
    );
    script.customer(rng.pick(["Okay, that's fine.", 'Right.', 'Yeah go ahead.']));
  }
  script.agent(
    rng.pick([
      "Can I take the long card number when you're ready?",
      'What card would you like to use?',
      "When you're ready, the {{sixteen digit}} number across the front of the card.",
      'Go ahead with the card number.',
    ]),
  );
  if (rng.chance(0.3)) {
    script.customer(
      rng.pick(['Hang on, let me get my wallet.', "One sec, it's in my bag.", 'Um, okay, just a second.']),
    );
    script.pause(rng.int(2000, 9000));
    script.customer(rng.pick(['Okay, got it.', 'Right, here it is.']));
  }
  sayInTurns(
    call,
    'customer',
    'CREDIT_CARD',
    sayCard(voice, card),
    rng.chance(0.4) ? [rng.pick(["It's", "Okay it's", "Yeah it's a", "So it's"])] : [],
    0.45,
  );

  const readBack = rng.int(0, 2);
  if (readBack === 0) {
    script.agent(
      rng.pick(['Let me read that back:', 'So I have', 'Just to confirm that was']),
      ending(call, item('CREDIT_CARD', flat(sayCard(voice, card))), '?'),
    );
    script.customer(rng.pick(['Yes.', "That's right.", 'Yep.']));
  } else if (readBack === 1) {
    script.agent(
      rng.pick(["And that's the card ending in", 'Okay, so card ending']),
      ending(call, item('CARD_LAST4', flat(sayDigits(voice, [card.number.slice(-4)]))), '?'),
    );
    script.customer('Yes.');
  }

  script.agent(
    rng.pick([
      'And the expiry date?',
      'What is the expiration date?',
      'And when does it expire?',
      'Expiry date please.',
    ]),
  );
  script.customer(
    ...(rng.chance(0.3) ? [rng.pick(["It's", 'Um,', 'Expires'])] : []),
    ending(call, item('CARD_EXPIRY', sayExpiry(voice, expiry))),
  );
  const cvvQuestion =
    card.cvv.length === 4
      ? 'And the {{four digit}} code on the front?'
      : rng.pick([
          'And the {{three digit}} security code on the back?',
          'And the CVV?',
          'Last thing, the security code on the back of the card.',
          'And the {{three numbers}} on the signature strip?',
        ]);
  script.agent(cvvQuestion);
  script.customer(ending(call, item('CARD_CVV', flat(sayDigits(voice, [card.cvv], { pairs: true })))));
  if (rng.chance(0.5)) {
    script.agent(rng.pick(['And the name as it appears on the card?', 'Is the card in your name?']));
    if (rng.chance(0.7))
      script.customer(ending(call, item('PERSON_NAME', sayFullName(voice, call.customer))));
    else script.customer('Yes, it is.');
  }
  hold(call);
  script.agent(
    rng.pick(["That's gone through,", 'Payment approved,', "Okay, that's been processed,"]),
    rng.pick(['your confirmation number is', 'the authorisation code is', 'and your confirmation is']),
    ending(call, neg.recordNumber(voice, 'confirmation_number')),
  );
  script.customer(rng.pick(['Great, thanks.', 'Perfect.', 'Okay, thank you.']));
}

/** A telephone banking or card PIN, said when the agent asks for it. */
export function askPin(call: Call, what: string): void {
  const { script, rng, voice } = call;
  script.agent(
    rng.pick([
      `Can you give me your ${what}?`,
      `I'll need your ${what} to go ahead.`,
      `And your ${what}, please.`,
    ]),
  );
  const pin = rng.chance(0.8) ? rng.digits(4) : rng.digits(6);
  script.customer(
    ...(rng.chance(0.3) ? ["It's"] : []),
    ending(call, item('PIN', flat(sayDigits(voice, [pin], { pairs: true })))),
  );
}

export function randomDob(rng: Random): { day: number; month: number; year: number } {
  return { day: rng.int(1, 28), month: rng.int(1, 12), year: rng.int(1942, 2004) };
}

/** Bank details for a direct debit or a refund: sort code and account (UK), routing and account (US). */
export function bankDetails(call: Call, purpose: string): void {
  const { script, rng, voice } = call;
  script.agent(
    rng.pick([
      `For the ${purpose}, I'll need your bank details.`,
      `Which account should the ${purpose} go to?`,
    ]),
  );
  const account = values.bankAccount(rng, call.uk);
  if (call.uk) {
    script.agent(rng.pick(["What's the sort code?", 'Sort code first, please.']));
    script.customer(ending(call, item('SORT_CODE', saySortCode(voice, values.sortCode(rng)))));
  } else {
    script.agent(
      rng.pick([
        "What's the routing number?",
        'Can I get the routing number, the {{nine digits}} at the bottom left of a check?',
      ]),
    );
    const routing = values.routingNumber(rng);
    script.customer(
      ending(call, item('ROUTING_NUMBER', flat(sayDigits(voice, chunk(routing, 3), { joiner: '' })))),
    );
  }
  script.agent('And the account number?');
  sayInTurns(
    call,
    'customer',
    'BANK_ACCOUNT',
    sayDigits(voice, chunk(account, 4)),
    rng.chance(0.3) ? ["It's"] : [],
    0.25,
  );
  if (rng.chance(0.4)) {
    script.agent(
      'Let me repeat the account number,',
      ending(call, item('BANK_ACCOUNT', flat(sayDigits(voice, chunk(account, 4))))),
    );
    script.customer(rng.pick(['Yes.', "That's right."]));
  }
}

/** An IBAN for an international payment or a refund abroad. */
export function ibanDetails(call: Call, purpose: string): void {
  const { script, rng, voice } = call;
  script.agent(
    rng.pick([`For the ${purpose} I'll need the IBAN.`, `Can you read me the IBAN for the ${purpose}?`]),
  );
  if (rng.chance(0.5))
    script.customer(rng.pick(['Sure, hang on.', "Okay, it's a long one.", 'Right, I have it here.']));
  const iban = values.iban(rng);
  sayInTurns(call, 'customer', 'IBAN', sayIban(voice, iban), rng.chance(0.3) ? ["It's"] : [], 0.5);
  if (rng.chance(0.3)) {
    script.agent('Let me read it back,', ending(call, item('IBAN', flat(sayIban(voice, iban)))));
    script.customer(rng.pick(["Yes, that's it.", 'Correct.']));
  }
}

export function driverLicence(call: Call): void {
  const { script, rng, voice } = call;
  script.agent(
    rng.pick([
      "And your driver's license number?",
      "Do you have a driving licence? I'll need the number.",
      'Can I take the licence number?',
    ]),
  );
  const licence = values.driversLicence(rng, call.uk, call.customer.last);
  script.customer(
    ...(call.uk || rng.chance(0.5) ? [] : ["It's a", `${licence.issuer}`, 'license,']),
    ending(call, item('DRIVERS_LICENSE', sayCode(voice, licence.number))),
  );
}

export function fullSsn(call: Call): void {
  const { script, rng, voice } = call;
  script.agent(
    rng.pick([
      "I'll need your full Social Security number.",
      'Can I have your Social Security number please?',
      'And your social?',
    ]),
  );
  const ssn = values.ssn(rng);
  sayInTurns(
    call,
    'customer',
    'US_SSN',
    sayDigits(voice, [ssn.slice(0, 3), ssn.slice(3, 5), ssn.slice(5)], { joiner: '-' }),
    rng.chance(0.3) ? ["It's"] : [],
    0.3,
  );
}
