import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType, mono } from './conversation.js';
import { spansOf } from './spans.js';

// Made-up times (test/helpers/transcript.ts): a turn starts 200 ms after the previous one ends,
// words are 300 ms long with 200 ms between them.
const usernames = (...turns: Parameters<typeof call>): string[] => foundOfType(call(...turns), 'USERNAME');

describe('USERNAME', () => {
  test('the answer to a username question, with exact words and times', () => {
    // Agent: 3 words, 200 to 1500; customer: "It's" 1700, "jpatel" 2200, "sixty" 2700, "four." 3200-3500.
    const transcript = call(agent("What's your username?"), customer("It's jpatel sixty four."));
    assert.deepEqual(spansOf(transcript, 'USERNAME'), ['1:jpatel sixty four.@2200-3500']);
    assert.deepEqual(foundOfType(transcript, 'USERNAME'), ['USERNAME:jpatel 64']);
  });

  test('spoken symbols, spelled runs and other cues', () => {
    assert.deepEqual(
      usernames(agent('Can I get the username on the account?'), customer('falcon underscore pixel 42')),
      ['USERNAME:falcon_pixel42'],
    );
    assert.deepEqual(usernames(agent("And what's your user ID?"), customer('Sure, it is j s m i t h 7.')), [
      'USERNAME:JSMITH 7',
    ]);
    assert.deepEqual(usernames(customer('my login is coolcat99 but it keeps failing')), [
      'USERNAME:coolcat99',
    ]);
    assert.deepEqual(usernames(customer('I normally log in as stormy_ember')), ['USERNAME:stormy_ember']);
  });

  test('the agent reading it back', () => {
    assert.deepEqual(usernames(agent('So your username is lunar dot cobalt, is that right?')), [
      'USERNAME:lunar dot cobalt',
    ]);
  });

  test('negatives', () => {
    assert.deepEqual(usernames(customer("I can't log in to the portal.")), []);
    assert.deepEqual(usernames(agent("I can help with that. What's your username?")), []);
    assert.deepEqual(
      usernames(agent("What's your username?"), customer("Hang on, I'm not sure, let me check.")),
      [],
    );
    assert.deepEqual(usernames(agent('Is your username still the same?'), customer("Yes that's right.")), []);
    assert.deepEqual(usernames(customer('Your website says the username is wrong.')), []);
  });
});

describe('USERNAME spelled and read back', () => {
  test('a spelled run with its digits after a user ID question', () => {
    // How the digits are grouped is the normaliser's; the finding holds the run and all its digits.
    const compact = (found: string[]): string[] => found.map((entry) => entry.replace(/\s+/g, ''));
    assert.deepEqual(compact(usernames(agent("What's your NetID?"), customer("It's a b k 3 1 9."))), [
      'USERNAME:ABK319',
    ]);
    assert.deepEqual(usernames(agent("hey what's your user id"), customer("hey it's t l i m two")), [
      'USERNAME:TLIM 2',
    ]);
  });

  test('a spelled read-back of a username found earlier, and not of unrelated spelling', () => {
    assert.deepEqual(
      usernames(
        agent("Okay, what's your username?"),
        customer("It's jmorrow at brightfield."),
        agent('J M O R R O W?'),
      ),
      ['USERNAME:jmorrow at brightfield', 'USERNAME:JMORROW'],
    );
    assert.deepEqual(
      usernames(
        agent("Okay, what's your username?"),
        customer("It's jmorrow at brightfield."),
        agent('And your postcode? Is that L S 1?'),
      ),
      ['USERNAME:jmorrow at brightfield'],
    );
  });

  test('digits led on to by "then the number", given or read back', () => {
    assert.deepEqual(usernames(agent("What's your username?"), customer('j morrow, then the number 7')), [
      'USERNAME:j morrow then the number 7',
    ]);
    assert.deepEqual(
      usernames(
        agent('And your network username?'),
        customer('The username is bcastillo2.'),
        agent('Is that B C A S T I L L O, then the number 2?'),
      ),
      ['USERNAME:bcastillo2', 'USERNAME:BCASTILLO then the number 2'],
    );
  });

  test('negatives: "and the number" not leading on to digits', () => {
    assert.deepEqual(
      usernames(agent("What's your username?"), customer('jmorrow and the number on file is old')),
      ['USERNAME:jmorrow'],
    );
  });
});

describe('USERNAME as callers give it', () => {
  test('"I think it\'s …" opening an answer in a file that does not tell the speakers apart', () => {
    assert.deepEqual(
      foundOfType(mono("what's his username", "I think it's pnoor, not sure though"), 'USERNAME'),
      ['USERNAME:pnoor'],
    );
  });

  test('talk after the value ("like on my badge") is not part of it, so its read-back matches', () => {
    assert.deepEqual(
      usernames(
        agent("what's your username?"),
        customer("it's d kaur 7, like on my badge"),
        agent('dkaur7, got it'),
      ),
      ['USERNAME:d kaur 7', 'USERNAME:dkaur7'],
    );
  });
});

describe('USERNAME in pieces and on its topic', () => {
  test('pieces with digits or a spoken joiner a few words after a username cue', () => {
    assert.deepEqual(
      usernames(agent('the login for the portal is marcus b underscore 771, shall I keep it?')),
      ['USERNAME:marcus b_771'],
    );
    assert.deepEqual(usernames(customer('is my username still harbour fox 09?')), [
      'USERNAME:harbour fox 09',
    ]);
    assert.deepEqual(usernames(mono("maybe it's under my username, it's teal garden 48, can you check")), [
      'USERNAME:teal garden 48',
    ]);
  });

  test('a username cue reaches no further than a later password cue in the same turn', () => {
    const both = (transcript: Parameters<typeof foundOfType>[0]): string[] => [
      ...foundOfType(transcript, 'USERNAME'),
      ...foundOfType(transcript, 'PASSWORD'),
    ];
    assert.deepEqual(both(call(customer('sure, I will read you my username, then my password, cobalt_77'))), [
      'PASSWORD:cobalt_77',
    ]);
    assert.deepEqual(both(mono('first my user name, and after that my password, heron 62 okay')), [
      'PASSWORD:heron 62',
    ]);
    assert.deepEqual(both(call(customer('my username is cobalt_77 and my password is heron 62'))), [
      'USERNAME:cobalt_77',
      'PASSWORD:heron 62',
    ]);
  });

  test('negatives: a time, or plain words, after a username cue', () => {
    assert.deepEqual(usernames(customer('my username got locked at 11:52 pm')), []);
    assert.deepEqual(usernames(customer('my username stopped working 2 days ago')), []);
  });

  test('another username offered after "or" and a few words', () => {
    assert.deepEqual(
      usernames(
        agent('which username did you pick?'),
        customer('I think it was rosa k 1990, or maybe with a dot, rosa dot k dot 1990'),
      ),
      ['USERNAME:rosa k 1990 or maybe with a dot rosa dot k dot 1990'],
    );
  });

  test('a handle the asker says after the answer, with no other topic named since', () => {
    assert.deepEqual(
      usernames(
        agent('what username did you register with?'),
        customer('um, I think it was tessa'),
        agent('I have tmaréchal44 here on the account'),
      ),
      ['USERNAME:tessa', 'USERNAME:tmaréchal44'],
    );
    assert.deepEqual(
      usernames(
        agent('what username did you register with?'),
        customer('um, I think it was tessa'),
        agent('and the password you tried, Lantern88?'),
      ),
      ['USERNAME:tessa'],
    );
  });

  test('a read-back saying a letter by its name ("kay" for K)', () => {
    assert.deepEqual(
      usernames(agent("what's your user ID?"), customer("it's K L O W E 7"), agent('kay lowe 7, thanks')),
      ['USERNAME:KLOWE 7', 'USERNAME:kay lowe 7'],
    );
  });
});

describe('USERNAME read off a screen, spelled with spoken dots, and named again', () => {
  test('"it says" leads to the login, realm included', () => {
    assert.deepEqual(
      usernames(
        agent('can you read me the login it shows'),
        customer('it says k brandt 7 at fibre hyphen north'),
      ),
      ['USERNAME:k brandt 7 at fibre hyphen north'],
    );
  });

  test('a username spelled again with its dots said as words', () => {
    assert.deepEqual(
      usernames(agent('what is your username'), customer('lena.k.trades, so L E N A dot K dot trades')),
      ['USERNAME:lena.k.trades', 'USERNAME:LENA dot K dot trades'],
    );
  });

  test('a handle written with an underscore, with or without digits, and the word before it', () => {
    assert.deepEqual(
      usernames(agent('what username should we set up for you'), customer('kay osei_ldn please')),
      ['USERNAME:kay osei_ldn'],
    );
    assert.deepEqual(
      foundOfType(
        mono('what username are you using pat_reads and that is P A T underscore reads'),
        'USERNAME',
      ),
      ['USERNAME:pat_reads', 'USERNAME:PAT_reads'],
    );
  });

  test('a username said again with a domain joined before it', () => {
    assert.deepEqual(
      usernames(
        customer('my username is mvarga'),
        agent('on this network add the domain first, so northwind backslash mvarga'),
      ),
      ['USERNAME:mvarga', 'USERNAME:northwind backslash mvarga'],
    );
  });

  test('a handle after the speaker asked someone else for it, while the agent only acknowledged', () => {
    assert.deepEqual(
      usernames(
        agent('what username is on it'),
        customer('maybe moss gate 4, let me ask my son what his gamer tag is'),
        agent('sure'),
        customer('he says it is mossgate_04'),
      ),
      ['USERNAME:mossgate_04'],
    );
  });
});

describe('USERNAME probed phrasings', () => {
  test('an answer that opens with talk before the identifier', () => {
    assert.deepEqual(
      usernames(agent('Which username do you use?'), customer('I use harbor_fox_12 for everything.')),
      ['USERNAME:harbor_fox_12'],
    );
    assert.deepEqual(
      usernames(agent('And which username did you pick?'), customer("I've got tinker bell 88 I think.")),
      ['USERNAME:tinker bell 88'],
    );
    assert.deepEqual(spansOf(mono('Username for the portal?', 'acme slash bholt'), 'USERNAME'), [
      '-:acme slash bholt@2200-3500',
    ]);
    assert.deepEqual(
      usernames(agent('Could I take your username?'), customer("Sure thing, it's r ahmed 4 4.")),
      ['USERNAME:r ahmed 4 4'],
    );
  });

  test('a login with its domain, and a correction said in the same breath', () => {
    assert.deepEqual(usernames(agent("What's your domain login?"), customer("It's WESTFIELD\\okeane")), [
      'USERNAME:WESTFIELD\\okeane',
    ]);
    assert.deepEqual(
      spansOf(
        call(agent("What's your username?"), customer("It's cedar grove 31 sorry no cedar grove 13.")),
        'USERNAME',
      ),
      ['1:cedar grove 31 sorry no cedar grove 13.@2200-6000'],
    );
  });

  test('a mono file where the cue and the spelled username run together', () => {
    assert.deepEqual(spansOf(mono('Username?', 'j p m underscore eighty three underscore u k'), 'USERNAME'), [
      '-:j p m underscore eighty three underscore u k@700-5000',
    ]);
  });

  test("one stream: the listener's go-on between the pieces of a username", () => {
    assert.deepEqual(
      spansOf(mono("What's your username?", 'fenwick', 'yep', 'underscore', 'mm-hmm', 'cole 31'), 'USERNAME'),
      ['-:fenwick yep underscore mm-hmm cole 31@1700-4500'],
    );
    assert.deepEqual(
      spansOf(mono("What's your username?", 'fenwick 31', 'okay', 'and your postcode?'), 'USERNAME'),
      ['-:fenwick 31@1700-2500'],
    );
  });

  test('after talk, "it\'s" gives the pieces that follow as the username', () => {
    assert.deepEqual(
      usernames(
        agent('Which username did you set up?'),
        customer("I jotted it down, it's t hollis 42, all one word."),
      ),
      ['USERNAME:t hollis 42'],
    );
    assert.deepEqual(
      usernames(agent('Which username did you set up?'), customer("I don't remember, it's been 3 weeks.")),
      [],
    );
  });

  test('a username given with a spoken joiner is found again written with its symbol', () => {
    assert.deepEqual(
      spansOf(
        call(
          agent("What's your username?"),
          customer("It's marlow dash reads."),
          agent('marlow-reads, got it.'),
        ),
        'USERNAME',
      ),
      ['1:marlow dash reads.@2200-3500', '0:marlow-reads,@3700-4000'],
    );
  });

  test('negatives: the state of the login, and a time said after a question about a login', () => {
    assert.deepEqual(usernames(customer('The app says my login is suspended.')), []);
    assert.deepEqual(usernames(agent('I can see the login was successful from your phone.')), []);
    assert.deepEqual(
      usernames(
        agent('There was a login this morning from a new laptop, was that you?'),
        customer('Oh that would be lunchtime for me, yes.'),
      ),
      [],
    );
  });

  test('negatives: "a login" as an event or a screen; "have you got a login?" still asks', () => {
    assert.deepEqual(
      usernames(
        agent('I see a login at 06:40 from Porto, was that you?'),
        customer('no, I was on the night bus 88'),
      ),
      [],
    );
    assert.deepEqual(
      usernames(
        customer('the router keeps asking for a login'),
        agent('okay'),
        customer('it says hub fault k77'),
      ),
      [],
    );
    assert.deepEqual(usernames(agent('Have you got a login?'), customer('yes, it is pebble 303')), [
      'USERNAME:pebble 303',
    ]);
  });

  test('negatives: the login form, another thing with digits, a guess', () => {
    assert.deepEqual(usernames(agent('The username field is case sensitive, so type it carefully.')), []);
    assert.deepEqual(
      usernames(agent('What username did you pick?'), customer('I was on flight BA 249 when I set it up.')),
      [],
    );
    assert.deepEqual(
      usernames(agent('What username do you have?'), customer('Maybe heron 6, let me ask my daughter.')),
      [],
    );
  });
});
