/**
 * The benchmark's call: one hour, two channels, about 10,000 words of ordinary support talk with a
 * few dozen sensitive items read out the way callers say them (cards in groups over several turns
 * with backchannels, expiry, CVV, dates of birth, spelled emails, phone numbers, SSNs) and the usual
 * negatives (order numbers, prices). Deterministic: the same file on every run.
 */
import { MONTHS, cardinal, speakGroups, spell, year, words } from '../corpus/spoken.js';
import { Random } from '../corpus/random.js';

type Speaker = 'agent' | 'customer';

export interface BenchTurn {
  speaker: Speaker;
  tokens: string[];
}

export interface BenchCall {
  /** The call as a Hush transcript document. */
  document: { hush: 'transcript/v1'; channels: 2; words: BenchWord[] };
  /** Each turn's text, for libraries that read plain text. */
  turnTexts: string[];
  words: number;
  /** Sensitive items planted. */
  planted: number;
}

interface BenchWord {
  text: string;
  start: number;
  end: number;
  channel: number;
  role: Speaker;
}

const TARGET_WORDS = 10_000;
const CHANNEL: Record<Speaker, number> = { agent: 0, customer: 1 };

const AGENT_LINES = [
  'Thanks for holding, I appreciate your patience today.',
  'Let me just check that for you, it will only take a moment.',
  'I can see the account here, bear with me while the page loads.',
  'So what I am going to do is raise a ticket with our delivery team.',
  'Is there anything else on the account you wanted to go through?',
  'I completely understand, that must have been really frustrating.',
  'The system is a little slow this morning, sorry about that.',
  'I have added a note so the next person you speak to can see it.',
  'That should be updated within the next twenty four hours.',
  'Would you like me to send a summary of this conversation by text?',
  'Okay, I have made that change and it is showing on my side now.',
  'Just so you know, this call may be recorded for training purposes.',
];
const CUSTOMER_LINES = [
  'Yeah, I have been trying to sort this out for about a week now.',
  'Okay, no problem, take your time.',
  'The parcel was supposed to arrive on Tuesday but nothing came.',
  'I did get an email, but it just said the order was being processed.',
  'Right, and will that cost anything extra?',
  'That sounds fine, as long as it actually turns up this time.',
  'I tried the website first but the chat kept disconnecting.',
  'Sorry, could you repeat that last bit, the line is a bit crackly.',
  'Great, thank you, that is really helpful.',
  'My neighbour said she saw a van outside, but nobody knocked.',
  'Is there a reference I should keep for this?',
  'Okay, and how long does the refund usually take?',
];
const BACKCHANNELS = ['mhmm', 'yep', 'okay', 'got it', 'uh huh'];
const FIRST = ['Maria', 'James', 'Aisha', 'Tom', 'Priya', 'Daniel', 'Chloe', 'Marcus', 'Sofia', 'Ben'];
const LAST = ['Gonzalez', 'Okafor', 'Fitzgerald', 'Nakamura', 'Kowalski', 'Hughes', 'Patel', 'Lindqvist'];
const CARDS = ['4539182703645125', '5425233430109903', '4716108999716531', '6011000990139424'];

function luhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((char, index) => {
    let value = Number(char);
    if (index % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
    sum += value;
  });
  return sum % 10 === 0;
}

/** A few dozen sensitive items, one episode at a time; each returns its turns and item count. */
function episodes(rng: Random): (() => { turns: BenchTurn[]; items: number })[] {
  const say = (speaker: Speaker, text: string | string[]): BenchTurn => ({
    speaker,
    tokens: typeof text === 'string' ? words(text) : text,
  });
  return [
    () => {
      const first = rng.pick(FIRST);
      const last = rng.pick(LAST);
      const born = [rng.int(1, 28), rng.int(0, 11), rng.int(1950, 2002)] as const;
      return {
        items: 2,
        turns: [
          say('agent', 'Before we go any further can I take your full name please?'),
          say('customer', `Sure, it is ${first} ${last}.`),
          say('agent', 'Thank you. And can you confirm your date of birth?'),
          say('customer', [MONTHS[born[1]]!, ...cardinal(born[0]), ...year(born[2], rng)]),
        ],
      };
    },
    () => {
      const card = rng.pick(CARDS);
      if (!luhnValid(card)) throw new Error('bench card numbers must pass the Luhn check');
      const groups = speakGroups(card.match(/\d{4}/g)!, rng.pick(['words', 'oh', 'pairs'] as const), rng);
      return {
        items: 3,
        turns: [
          say('agent', 'Okay, go ahead with the long card number when you are ready.'),
          say('customer', groups[0]!),
          say('agent', rng.pick(BACKCHANNELS)),
          say('customer', groups[1]!),
          say('agent', rng.pick(BACKCHANNELS)),
          say('customer', [...groups[2]!, ...groups[3]!]),
          say('agent', 'Thank you. And the expiry date?'),
          say('customer', ['oh', ...cardinal(rng.int(1, 9)), ...cardinal(rng.int(26, 31))]),
          say('agent', 'And the three digit security code on the back?'),
          say('customer', speakGroups([String(rng.int(100, 999))], 'words', rng)[0]!),
        ],
      };
    },
    () => {
      const user = `${rng.pick(FIRST).toLowerCase()}${rng.pick(LAST).toLowerCase().slice(0, 4)}`;
      return {
        items: 1,
        turns: [
          say('agent', 'What is the best email address for you?'),
          say('customer', [
            'it',
            'is',
            ...spell(user, 'lower'),
            ...cardinal(rng.int(10, 99)),
            'at',
            'gmail',
            'dot',
            'com',
          ]),
        ],
      };
    },
    () => ({
      items: 1,
      turns: [
        say('agent', 'And a good phone number to reach you on?'),
        say(
          'customer',
          speakGroups(
            [String(rng.int(200, 989)), String(rng.int(200, 999)), String(rng.int(1000, 9999))],
            'oh',
            rng,
          ).flat(),
        ),
      ],
    }),
    () => ({
      items: 1,
      turns: [
        say('agent', 'For security I need the last four digits of your social security number.'),
        say('customer', speakGroups([String(rng.int(1000, 9999))], 'words', rng)[0]!),
      ],
    }),
    () => ({
      items: 0,
      turns: [
        say('agent', 'Do you have the order number there?'),
        say('customer', [
          'yes',
          'it',
          'is',
          ...speakGroups([String(rng.int(1_000_000, 9_999_999))], 'words', rng)[0]!,
        ]),
        say('agent', [
          'thanks',
          'that',
          'order',
          'came',
          'to',
          ...cardinal(rng.int(20, 400)),
          'dollars',
          'and',
          ...cardinal(rng.int(10, 99)),
          'cents',
        ]),
      ],
    }),
  ];
}

/** Word times: length-based durations, short gaps inside a turn, longer ones between turns. */
function timeWords(turns: readonly BenchTurn[], rng: Random): BenchWord[] {
  const out: BenchWord[] = [];
  let clock = 500;
  for (const turn of turns) {
    clock += rng.int(200, 700) + (rng.chance(0.02) ? rng.int(3000, 9000) : 0);
    for (const text of turn.tokens) {
      const duration = 140 + text.length * 24 + rng.int(0, 40);
      out.push({
        text,
        start: clock,
        end: clock + duration,
        channel: CHANNEL[turn.speaker],
        role: turn.speaker,
      });
      clock += duration + rng.int(20, 60);
    }
  }
  return out;
}

export function generateBenchCall(seed = 20240611): BenchCall {
  const rng = new Random(seed);
  const episodeMakers = episodes(rng);
  const turns: BenchTurn[] = [];
  let count = 0;
  let planted = 0;
  let next = 0;
  while (count < TARGET_WORDS) {
    // Ordinary talk between episodes, then the next sensitive (or negative) episode.
    const chatter: BenchTurn[] = Array.from({ length: rng.int(24, 36) }, (_, index) =>
      index % 2 === 0
        ? { speaker: 'agent' as const, tokens: words(rng.pick(AGENT_LINES)) }
        : { speaker: 'customer' as const, tokens: words(rng.pick(CUSTOMER_LINES)) },
    );
    const episode = episodeMakers[next % episodeMakers.length]!();
    next += 1;
    planted += episode.items;
    for (const turn of [...chatter, ...episode.turns]) {
      turns.push(turn);
      count += turn.tokens.length;
    }
  }
  const benchWords = timeWords(turns, rng);
  return {
    document: { hush: 'transcript/v1', channels: 2, words: benchWords },
    turnTexts: turns.map((turn) => turn.tokens.join(' ')),
    words: benchWords.length,
    planted,
  };
}
