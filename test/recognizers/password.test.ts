import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, foundOfType, mono } from './conversation.js';
import { spansOf } from './spans.js';

// Made-up times (test/helpers/transcript.ts): a turn starts 200 ms after the previous one ends,
// words are 300 ms long with 200 ms between them.
const passwords = (...turns: Parameters<typeof call>): string[] => foundOfType(call(...turns), 'PASSWORD');

describe('PASSWORD', () => {
  test('an answer to a password question, without its lead-in and trailing talk', () => {
    // Agent: 3 words, 200 to 1500; customer: "Um," 1700, "it's" 2200, "marmalade" 2700, "seventy" 3200,
    // "seven" 3700, "rocket," 4200-4500, then "all one word".
    const transcript = call(
      agent("What's your password?"),
      customer("Um, it's marmalade seventy seven rocket, all one word."),
    );
    assert.deepEqual(spansOf(transcript, 'PASSWORD'), ['1:marmalade seventy seven rocket,@2700-4500']);
  });

  test('a password the speaker introduces, and the memorable word', () => {
    assert.deepEqual(
      passwords(
        agent("I've reset it. Your temporary password is sunflower forty two tiger."),
        customer('Thanks.'),
      ),
      ['PASSWORD:sunflower 42 tiger'],
    );
    // Some letters of it asked for by position are a security answer, not the password.
    const letters = call(
      agent('Can you give me the third and fifth letters of your memorable word?'),
      customer('R and B.'),
    );
    assert.deepEqual(foundOfType(letters, 'PASSWORD'), []);
    assert.deepEqual(foundOfType(letters, 'SECURITY_ANSWER'), ['SECURITY_ANSWER:R and B']);
    assert.deepEqual(
      passwords(agent('And your telephone password please?'), customer('Yeah, it is blue harbour.')),
      ['PASSWORD:blue harbour'],
    );
  });

  test('a new password said while passwords are discussed, and said again when asked to repeat', () => {
    assert.deepEqual(
      passwords(
        agent('Okay, the new temporary password is velvet dash river nine.'),
        customer('Sorry, can you repeat that?'),
        agent('velvet dash river nine.'),
        customer("Thanks. And I'll change it to pumpkin star two thousand four."),
      ),
      ['PASSWORD:velvet dash river 9', 'PASSWORD:velvet dash river 9', 'PASSWORD:pumpkin star 2004'],
    );
  });

  test('digits alone answer a PIN more than a password', () => {
    const transcript = call(agent("I'll need your passcode to go ahead."), customer('four four one two'));
    assert.deepEqual(foundOfType(transcript, 'PASSWORD'), []);
    assert.deepEqual(foundOfType(transcript, 'PIN'), ['PIN:4412']);
  });

  test('negatives', () => {
    assert.deepEqual(passwords(customer('I forgot my password and the reset email never came.')), []);
    assert.deepEqual(passwords(customer("My password isn't working."), agent("Okay, let's reset it.")), []);
    assert.deepEqual(passwords(customer('my password is not working since yesterday')), []);
    assert.deepEqual(passwords(agent("What's your password?")), []);
    assert.deepEqual(
      passwords(agent('Please never tell anyone your password, okay?'), customer('Okay, sure.')),
      [],
    );
    assert.deepEqual(passwords(agent('Do you know your password?'), customer("No, I don't.")), []);
    assert.deepEqual(passwords(customer('I want my new one to be delivered to my house.')), []);
  });
});

describe('PASSWORD volunteered, asked in two steps, and read back', () => {
  test('a word typed like a password said while passwords are discussed', () => {
    assert.deepEqual(
      passwords(
        agent("I've reset your password, you'll pick a new one when you log in."),
        customer('Honestly my old one was Lantern2019, can I reuse it?'),
      ),
      ['PASSWORD:Lantern2019'],
    );
    assert.deepEqual(
      passwords(
        agent('Your password expired last night.'),
        customer('Oh, I typed Maple2020 with a hash at the end so many times.'),
      ),
      ['PASSWORD:Maple2020 with a hash at the end'],
    );
  });

  test('shaped words that are hosts, references or usernames are not passwords', () => {
    assert.deepEqual(
      passwords(
        agent("Your password is reset. Don't tell anyone your password, including me."),
        customer('Okay.'),
        agent('Also change the gateway to gw3 dot corp. Your ticket number is INC0088214.'),
      ),
      [],
    );
    assert.deepEqual(
      passwords(
        customer('Hi, I forgot my password.'),
        agent("What's your username?"),
        customer('dsmith seventy seven.'),
        agent("So that's dsmith77."),
      ),
      [],
    );
    // No password talk: a shaped word is only a code.
    assert.deepEqual(passwords(agent('Your booking code is Rx77b.'), customer('Thanks.')), []);
  });

  test('a verbal password asked after the cue, across a question the caller asks back', () => {
    assert.deepEqual(
      passwords(
        agent("I'm going to add a telephone password to your profile. What do you want it to be?"),
        customer('Oh, can it be a few words?'),
        agent('Of course.'),
        customer('Alright, green tractor morning.'),
        agent('Green tractor morning. That is saved.'),
      ),
      ['PASSWORD:green tractor morning', 'PASSWORD:Green tractor morning'],
    );
    assert.deepEqual(
      passwords(
        agent("I'm going to add a telephone password to your profile."),
        customer('Oh, is it okay if I call later?'),
        agent('Of course.'),
        customer('Thanks, goodbye.'),
      ),
      [],
    );
  });

  test('a read-back of a password the other party just dictated', () => {
    assert.deepEqual(
      passwords(
        agent('The temporary password is Harbour, capital H, then 61, then star.'),
        customer('Harbour 61 star.'),
      ),
      ['PASSWORD:Harbour then 61 then star', 'PASSWORD:Harbour 61 star'],
    );
    assert.deepEqual(
      passwords(agent('The temporary password is Harbour, capital H, then 61.'), customer('Great, thanks.')),
      ['PASSWORD:Harbour then 61'],
    );
  });
});

describe('PASSWORD set or given without a question', () => {
  test('words a speaker sets a password with while passwords are talked about', () => {
    assert.deepEqual(
      passwords(
        agent("You'll have to change your password once you're in."),
        customer('Fine.'),
        agent('Use something long.'),
        customer("Right, I'm gonna do copper kettle at nineteen exclamation, is that long enough?"),
      ),
      ['PASSWORD:copper kettle at 19 exclamation'],
    );
    assert.deepEqual(
      passwords(
        agent('We need a new telephone password for the account.'),
        customer("Let's make it orange giraffe waltz and I'll write it down."),
      ),
      ['PASSWORD:orange giraffe waltz'],
    );
    assert.deepEqual(
      passwords(
        agent('Your password has expired.'),
        customer('Okay, set it to lighthouse crumpet all lower case.'),
      ),
      ['PASSWORD:lighthouse crumpet all lower case'],
    );
  });

  test('set phrases outside password talk, or setting something else, are not passwords', () => {
    assert.deepEqual(
      passwords(agent('Is there anything else?'), customer("I'm gonna do the shopping later.")),
      [],
    );
    assert.deepEqual(
      passwords(agent('Your password is reset.'), customer("Okay, I'm gonna do that now, thanks.")),
      [],
    );
    // The username is the latest credential talked about: its value is not a password.
    assert.deepEqual(
      passwords(
        customer('I forgot my password.'),
        agent('What username would you like instead?'),
        customer("Let's make it tigerfan."),
      ),
      [],
    );
    // Password talk, but the value names a host.
    assert.deepEqual(
      passwords(
        agent("Don't share your password. Which gateway are you on?"),
        customer('The old one.'),
        agent('Change it to gw7 dot corp then.'),
      ),
      [],
    );
  });

  test('a word, a number and a spoken symbol, and a modifier after a typed password', () => {
    assert.deepEqual(
      passwords(
        agent("I've reset your password."),
        customer('Was it Pebble 83 hash before? I can never remember.'),
      ),
      ['PASSWORD:Pebble 83 hash'],
    );
    assert.deepEqual(
      passwords(
        agent('Your password expired.'),
        customer('I used Thistle2024 with a dollar sign at the end.'),
      ),
      ['PASSWORD:Thistle2024 with a dollar sign at the end'],
    );
    // No password talk: a room number and a symbol word are not a password.
    assert.deepEqual(passwords(agent('Which room?'), customer('Meadow 12 star, the one upstairs.')), []);
  });

  test('a read-back of the start of a dictated password, in another spoken form', () => {
    assert.deepEqual(
      passwords(
        agent('Here is your temporary password: lowercase p, lowercase q, 7, 3, capital L, hash, 9.'),
        customer('Hang on, slower please. P Q 7 3...'),
      ),
      ['PASSWORD:pq73L#9', 'PASSWORD:PQ 7 3'],
    );
    // The same letters after a username are not a password read-back.
    assert.deepEqual(
      passwords(agent('Your username is pq73 at the portal.'), customer('P Q 7 3, got it.')),
      [],
    );
  });

  test('a typed symbol stays with the password, and a repeat of it is found', () => {
    assert.deepEqual(
      spansOf(
        call(
          agent('Your new password is Bramble99 exclamation point.'),
          customer('So Bramble99 exclamation.'),
        ),
        'PASSWORD',
      ).length,
      2,
    );
  });

  test('talk after a password question that only says who may hear it is not a password', () => {
    assert.deepEqual(
      passwords(agent("Please don't tell anyone your password, including me."), customer('Okay.')),
      [],
    );
  });
});

describe('PASSWORD tried', () => {
  test('"I tried" gives a password in password talk', () => {
    assert.deepEqual(
      passwords(
        customer("My password isn't working."),
        agent('What did you enter?'),
        customer('I tried walnut paddle nine and it said no.'),
      ),
      ['PASSWORD:walnut paddle 9'],
    );
    assert.deepEqual(
      passwords(
        customer("My password isn't working."),
        agent('What happened?'),
        customer('I tried the same one as always.'),
      ),
      [],
    );
  });
});

describe('PASSWORD as callers and agents give it', () => {
  test('a yes-no question after the topic, answered with the value', () => {
    assert.deepEqual(
      passwords(
        agent('and the telephone password on the account, would you like to keep that one?'),
        customer("that'd be copper kettle, wouldn't it"),
      ),
      ['PASSWORD:copper kettle'],
    );
    assert.deepEqual(
      passwords(
        agent('and the telephone password on the account, would you like to keep that one?'),
        customer('yes please'),
      ),
      [],
    );
  });

  test('a word then the capital of its first letter', () => {
    assert.deepEqual(
      passwords(agent("I've reset your password to orbit, capital O, 5 5"), customer('thanks')),
      ['PASSWORD:Orbit55'],
    );
    assert.deepEqual(
      passwords(agent('what would you like the new password to be?'), customer('Harbor, capital H, 1 9 8 8')),
      ['PASSWORD:Harbor1988'],
    );
  });

  test('a typed password after a modifier ending in "case" is not a case reference', () => {
    assert.deepEqual(
      passwords(
        agent('the first part is lantern, all lower case'),
        customer('okay'),
        agent('and then Orbit55'),
      ),
      [],
    );
  });

  test('negatives: told not to say it, courtesies, where it is written, positions asked for', () => {
    assert.deepEqual(
      passwords(
        agent("there's no need to read the password to me, it's all set"),
        customer('ah right, sorry, habit'),
      ),
      [],
    );
    assert.deepEqual(
      passwords(agent('okay, now type a new password'), customer('ah okay, no worries, window closed now')),
      [],
    );
    assert.deepEqual(
      passwords(
        customer("it's asking me for my user name and password now"),
        agent("user name is guest, the password I'll text you"),
      ),
      [],
    );
    assert.deepEqual(
      passwords(
        agent('can you read me the first and the third characters of your passcode'),
        customer('the first, the third?'),
        agent('yes please'),
      ),
      [],
    );
    assert.deepEqual(
      passwords(
        agent('set a password for the vpn'),
        customer('sure, what do I type for my IPv4 address, 10.1.1.4?'),
      ),
      [],
    );
  });

  test('negatives: a question answered "yes" is not asked again once the talk moves on', () => {
    assert.deepEqual(
      passwords(
        customer('do I use the same password as my email?'),
        agent('yes, the same.'),
        customer("right, I'm logged in and the folder has opened"),
        agent('good, now open the spreadsheet'),
      ),
      [],
    );
  });
});

describe('PASSWORD: a request by position in a mono stream', () => {
  test('characters of a memorable word asked for in the same turn are no password', () => {
    const transcript = mono(
      'right from your memorable word the third and sixth characters please third is K sixth is W',
    );
    assert.deepEqual(foundOfType(transcript, 'PASSWORD'), []);
    assert.deepEqual(foundOfType(transcript, 'SECURITY_ANSWER'), ['SECURITY_ANSWER:K 6 is W']);
  });
});

describe('PASSWORD: talk about a password that gives none, and passwords named only afterwards', () => {
  test('where a password is, how it differs, or what it should be, is no password', () => {
    assert.deepEqual(
      passwords(
        agent('The router password is written under the base, next to the serial.'),
        customer('Found it.'),
      ),
      [],
    );
    assert.deepEqual(
      passwords(
        agent("You'll need a new password."),
        customer("Sure, I'm using a different one from before."),
      ),
      [],
    );
    assert.deepEqual(
      passwords(
        agent('Done. For the new one pick something nobody could guess.'),
        customer('Will do, thanks.'),
      ),
      [],
    );
  });

  test('a state read off the screen and a question about the login form ask for no password', () => {
    assert.deepEqual(
      passwords(agent('Type the password from the card in.'), customer('Okay. It says loading.')),
      [],
    );
    assert.deepEqual(
      passwords(
        agent('Is the password box on your screen empty?'),
        customer("It's stars. I think it's saved."),
      ),
      [],
    );
  });

  test('being told never to give a password out, and a form number in password talk, are no password', () => {
    assert.deepEqual(
      passwords(agent('Remember, never give your password to a caller, even one from the bank.')),
      [],
    );
    assert.deepEqual(
      passwords(
        customer('I reset my password last week.'),
        agent('Okay.'),
        customer('Also my W-2 and 1040-X never arrived.'),
      ),
      [],
    );
  });

  test('an acknowledgement, then other business, after being told to set a password elsewhere', () => {
    assert.deepEqual(
      passwords(
        agent("You'll have to choose a new password through the link we sent to mo.baptiste@example.org."),
        customer('Got it. While you are there, I was planning to move money to my brother abroad.'),
      ),
      [],
    );
  });

  test('an apology after being told not to read a password out gives none', () => {
    assert.deepEqual(
      passwords(
        customer('I set my password to Bramble!66.'),
        agent("Oh, please don't read your password out to anyone."),
        customer('Sorry.'),
        agent('Not a problem. Shall we look at the order now?'),
      ),
      ['PASSWORD:Bramble!66'],
    );
  });

  test('a value the other party then calls a password', () => {
    assert.deepEqual(
      passwords(
        customer('It locked me out, I kept typing Marlin#808 over and over.'),
        agent("Okay, please don't tell me the password though."),
      ),
      ['PASSWORD:Marlin#808'],
    );
    assert.deepEqual(
      passwords(
        customer('I kept entering copper kettle forty one and it just refused.'),
        agent('No need to tell me your password, I will reset it.'),
      ),
      ['PASSWORD:copper kettle 41'],
    );
  });

  test('a password said right after the speaker names it, without "is"', () => {
    assert.deepEqual(
      passwords(customer('Well, I logged in with my password, Velvet Orchard 2210, and it failed.')),
      ['PASSWORD:Velvet Orchard 2210'],
    );
    assert.deepEqual(passwords(customer('I tried my password about six times today.')), []);
  });
});

describe('PASSWORD in a stream that does not tell the speakers apart', () => {
  test('a word leading into "password is" describes the password that follows', () => {
    assert.deepEqual(
      foundOfType(
        mono("I'll unlock it and reset the password. Your new password is Copper-Finch-62."),
        'PASSWORD',
      ),
      ['PASSWORD:Copper-Finch-62'],
    );
  });

  test('a question about the password box, answered in the same stream', () => {
    assert.deepEqual(
      foundOfType(
        mono('Could you look at whether the password box is filled in? It shows asterisks. Yes.'),
        'PASSWORD',
      ),
      [],
    );
  });

  test('a question about the password hint, and talk opening with a contraction', () => {
    assert.deepEqual(
      passwords(agent('What did you set as the password hint?'), customer('Name of the street.')),
      [],
    );
    assert.deepEqual(
      foundOfType(
        mono("Okay that's saved. And now a password, it'll also email you a reset code if you prefer."),
        'PASSWORD',
      ),
      [],
    );
  });

  test('a password named by a pronoun, and a one-time code', () => {
    assert.deepEqual(passwords(agent("What's the password?"), customer('Just the usual one.')), []);
    assert.deepEqual(passwords(agent("What's the password?"), customer('I think a newer 1.')), []);
    assert.deepEqual(
      foundOfType(
        call(agent("I've sent a one time passcode to your phone."), customer('It says 4 4 0 9 1 7.')),
        'PASSWORD',
      ),
      [],
    );
  });
});

describe('PASSWORD probed phrasings', () => {
  test('a remark after the password is not part of it', () => {
    assert.deepEqual(
      passwords(agent("What's your password?"), customer("It's pumpkin pie 7, I use it for everything.")),
      ['PASSWORD:pumpkin pie 7'],
    );
  });

  test('a temporary password given bare after the listener said go on', () => {
    assert.deepEqual(
      passwords(
        agent("I'll read you a temporary password. Ready?"),
        customer('Yep.'),
        agent('Otter 4 4 Lantern'),
      ),
      ['PASSWORD:Otter 4 4 Lantern'],
    );
  });

  test('a password asked for with "can we do", and one whose typing is described first', () => {
    assert.deepEqual(
      passwords(
        agent('What would you like the new password to be?'),
        customer('Can we do walnut grove 515?'),
      ),
      ['PASSWORD:walnut grove 515'],
    );
    assert.deepEqual(
      spansOf(
        call(agent("What's the password?"), customer("It's all capitals, G R E B E, then 6 1")),
        'PASSWORD',
      ),
      ['1:G R E B E, then 6 1@3200-7000'],
    );
  });

  test("one stream: the listener's go-on between pieces, not a go-on before talk", () => {
    assert.deepEqual(
      spansOf(mono("What's your password?", 'Harbour', 'okay', 'nine nine', 'yep', 'at sign'), 'PASSWORD'),
      ['-:Harbour okay nine nine yep at sign@1700-5000'],
    );
    assert.deepEqual(
      foundOfType(mono("What's your password?", 'Harbour 44', 'okay two more questions for you'), 'PASSWORD'),
      ['PASSWORD:Harbour 44'],
    );
  });

  test('negatives: a rule for passwords, a reference set with a set phrase', () => {
    assert.deepEqual(passwords(agent('Your password must have one capital and one number.')), []);
    assert.deepEqual(
      passwords(
        agent('Please set a new password.'),
        customer("Okay I'm gonna use the booking reference 7731, no wait."),
      ),
      [],
    );
  });
});

describe('PASSWORD given after a remark, asked back, or talked about', () => {
  test('an answer that restarts with "it\'s" after a longer remark', () => {
    assert.deepEqual(
      passwords(
        agent('Can I take the password on the account?'),
        customer("hmm would that be the one my son put on for me last year it's copper kettle fifty"),
      ),
      ['PASSWORD:copper kettle 50'],
    );
  });

  test('a set phrase followed by talk, then the value after "it was"', () => {
    assert.deepEqual(
      passwords(
        agent("I'll send a temporary password by text."),
        customer('could you not change it to what I used before, it was lantern eighty eight'),
      ),
      ['PASSWORD:lantern 88'],
    );
  });

  test('a value proposed as a question: "can it be ..." with a number', () => {
    assert.deepEqual(
      passwords(
        agent('Pick a new password for the portal.'),
        customer('could it be Falcons nineteen ninety nine?'),
      ),
      ['PASSWORD:Falcons 1999'],
    );
  });

  test('negatives: "can it be" asking about rules or timing, a reply declining it, what happened to it', () => {
    const asked = agent('Pick a new password for the portal.');
    for (const reply of [
      'can it be shorter?',
      'could it be emailed to me?',
      'can it be longer than ten characters?',
    ]) {
      assert.deepEqual(passwords(asked, customer(reply)), [], reply);
    }
    assert.deepEqual(
      passwords(
        agent('And the password?'),
        customer('it was Otter dollar sign 31'),
        agent("Please don't share that with anyone, I'll reset it now."),
      ),
      ['PASSWORD:Otter$31'],
    );
    assert.deepEqual(
      passwords(agent('I think your password was compromised last night.'), customer('oh no')),
      [],
    );
    assert.deepEqual(passwords(customer('my password was stolen, so I changed everything')), []);
    // One stream: after a proposed number, the other party's advice opening with "it's" is no password.
    assert.deepEqual(
      foundOfType(
        mono(
          'what would you like the new passcode to be',
          'how about 2468 it is the day we met',
          "it's safer to steer clear of family birthdays though",
        ),
        'PASSWORD',
      ).filter((found) => !/\d/.test(found)),
      [],
    );
  });
});
