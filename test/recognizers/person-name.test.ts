import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, foundOfType, mono } from './conversation.js';
import { reasonsOf, spansOf } from './spans.js';

// Made-up times (test/helpers/transcript.ts): a turn starts 200 ms after the previous one ends,
// words are 300 ms long with 200 ms between them.
const names = (...turns: Parameters<typeof call>): string[] => foundOfType(call(...turns), 'PERSON_NAME');

describe('PERSON_NAME', () => {
  test('a bare answer to a name question, with exact words and times', () => {
    // Agent: 7 words from 200 to 3500 ms; the customer starts at 3700.
    const transcript = call(agent('Can I take your full name please?'), customer('Diego Kowalski.'));
    assert.deepEqual(spansOf(transcript, 'PERSON_NAME'), ['1:Diego Kowalski.@3700-4500']);
  });

  test('a lead-in in the answer is left out', () => {
    // Agent: 4 words, 200 to 2000; customer: "Yeah," 2200, "it's" 2700, "John" 3200, "Smith." 3700-4000.
    const transcript = call(agent('And your name please?'), customer("Yeah, it's John Smith."));
    assert.deepEqual(spansOf(transcript, 'PERSON_NAME'), ['1:John Smith.@3200-4000']);
    assert.deepEqual(names(agent('Who am I speaking with today?'), customer('My name is Hannah Kwong.')), [
      'PERSON_NAME:Hannah Kwong',
    ]);
    assert.deepEqual(
      names(agent('Could I get your first and last name?'), customer('Um, Tyrone, T, Pemberton.')),
      ['PERSON_NAME:Tyrone T Pemberton'],
    );
  });

  test('a name given without being asked', () => {
    assert.deepEqual(names(customer("Hi, my name is Sarah Jones and I'm calling about my bill.")), [
      'PERSON_NAME:Sarah Jones',
    ]);
    assert.deepEqual(names(customer("hi this is sarah jones, I'd like to close my account")), [
      'PERSON_NAME:sarah jones',
    ]);
    assert.deepEqual(names(customer('the account is in the name of Oliver Fairweather')), [
      'PERSON_NAME:Oliver Fairweather',
    ]);
  });

  test('a spelled surname after a spelling request', () => {
    // Agent: 8 words, 200 to 4000; the customer spells eight letters from 4200 to 8000.
    const transcript = call(agent('Could you spell the last name for me?'), customer('k o w a l s k i'));
    assert.deepEqual(spansOf(transcript, 'PERSON_NAME'), ['1:k o w a l s k i@4200-8000']);
    assert.deepEqual(names(agent('Could you spell your surname?'), customer('Kwong, K W O N G.')), [
      'PERSON_NAME:Kwong KWONG',
    ]);
  });

  test('a name that runs on over a soft turn break', () => {
    const transcript = call(
      agent('Can I take your full name please?'),
      customer("It's Diego"),
      agent('Mm hmm.'),
      customer('Kowalski.'),
    );
    const entities = detectIn(transcript).entities.filter((entity) => entity.type === 'PERSON_NAME');
    assert.equal(entities.length, 1);
    assert.deepEqual(
      entities[0]!.parts.map((part) => part.value),
      ['Diego', 'Kowalski'],
    );
  });

  test('the agent addressing or confirming the caller', () => {
    assert.deepEqual(names(agent('Thank you Mr Kwong, one moment please.')), ['PERSON_NAME:Kwong']);
    assert.deepEqual(names(agent('Sorry, is that Mrs okafor?')), ['PERSON_NAME:okafor']);
    assert.deepEqual(
      names(
        agent('Who am I speaking with?'),
        customer('Sarah Whitfield.'),
        agent('Thanks Sarah. So that is Sarah Whitfield on the account?'),
      ),
      ['PERSON_NAME:Sarah Whitfield', 'PERSON_NAME:Sarah', 'PERSON_NAME:Sarah Whitfield'],
    );
    assert.deepEqual(names(agent('Am I speaking with Daniel Okafor?')), ['PERSON_NAME:Daniel Okafor']);
  });

  test("a third party's name given when asked", () => {
    assert.deepEqual(
      names(
        agent("Was anyone else involved? I'll need their name."),
        customer('The other driver was Marcus Laurent.'),
      ),
      ['PERSON_NAME:Marcus Laurent'],
    );
    assert.deepEqual(names(agent("And the recipient's name?"), customer('Liam Sato')), [
      'PERSON_NAME:Liam Sato',
    ]);
  });

  test("the agent's own introduction is found and marked, the company name is not", () => {
    const transcript = call(agent('Thank you for calling Northwind Bank, my name is Naomi, how can I help?'));
    assert.deepEqual(foundOfType(transcript, 'PERSON_NAME'), ['PERSON_NAME:Naomi']);
    assert.ok(reasonsOf(transcript, 'PERSON_NAME')[0]!.includes('agent-introduction'));
    assert.deepEqual(names(agent('carewell pharmacy hello this is gareth how may i help')), [
      'PERSON_NAME:gareth',
    ]);
  });

  test('a call with no speaker separation (mono, one stream)', () => {
    const mono = { channel: null, role: 'unknown' as const };
    assert.deepEqual(
      names(
        { ...mono, text: 'Can I take your full name please?' },
        { ...mono, text: "It's Wei Oduya." },
        { ...mono, text: 'Could you spell the last name for me? O D U Y A.' },
      ),
      ['PERSON_NAME:Wei Oduya', 'PERSON_NAME:ODUYA'],
    );
  });

  test('negatives: talk that follows a name cue but is no name', () => {
    assert.deepEqual(names(customer("I'm fine thanks, how are you?")), []);
    assert.deepEqual(names(customer("Hi, I'm calling about my bill.")), []);
    assert.deepEqual(names(customer('My name is on the account but my wife usually calls.')), []);
    assert.deepEqual(names(agent('Can I take your full name please?')), []);
    assert.deepEqual(
      names(agent('Can I take your full name please?'), customer("Sorry, it's not working, hang on.")),
      [],
    );
    assert.deepEqual(names(agent('Is that Mr Jones?'), customer("Yes that's right.")), ['PERSON_NAME:Jones']);
    assert.deepEqual(names(agent("What's the name of your bank?"), customer('Heathside Bank.')), []);
    assert.deepEqual(names(agent('Which day suits you?'), customer('Monday or Tuesday.')), []);
    assert.deepEqual(names(customer("I'm transferring money to my Galaxy account.")), []);
  });
});

describe('PERSON_NAME in passing, with titles, spelled, and as companies', () => {
  test('a listed first name addressing someone, and not an ordinary capitalised word', () => {
    assert.deepEqual(names(agent('Your refund is on its way.'), customer('Brilliant, thanks Priya.')), [
      'PERSON_NAME:Priya',
    ]);
    assert.deepEqual(names(agent('Hello, billing team.'), customer('Kevin, can I ask about my last bill?')), [
      'PERSON_NAME:Kevin',
    ]);
    assert.deepEqual(names(agent('Anything else?'), customer('No, thanks Monday works.')), []);
    // A listed name that is also an ordinary word is not taken on its own.
    assert.deepEqual(names(agent('Your order shipped.'), customer('Thanks, Will do.')), []);
  });

  test('a name said alone in a turn, and every part of a name found earlier', () => {
    assert.deepEqual(
      names(
        agent("Can I take the driver's full name as it appears on the licence?"),
        customer('Tobias Ferreira.'),
        agent('Anything else today, Tobias?'),
        customer('No.'),
        agent('Ferreira, got it.'),
      ),
      // The agent's "Tobias?" and "Ferreira" are next to each other in their stream: one entity, two parts.
      ['PERSON_NAME:Tobias Ferreira', 'PERSON_NAME:Tobias|Ferreira'],
    );
  });

  test('a doctor by title, and a spelled surname after a spell request', () => {
    assert.deepEqual(names(customer('Doctor Mensah referred me last week.')), ['PERSON_NAME:Mensah']);
    assert.deepEqual(names(agent('Could you spell your surname for me?'), customer('B E L L A M Y.')), [
      'PERSON_NAME:BELLAMY',
    ]);
    assert.deepEqual(names(customer('I live at 12 Oak Dr near the school.')), []);
  });

  test('a company named where a name was asked for, and document or field words', () => {
    assert.deepEqual(names(agent('And the payee name?'), customer('Northgate Title and Trust LLC.')), []);
    assert.deepEqual(names(agent('And the beneficiary name?'), customer('Harlow Escrow Services.')), []);
    assert.deepEqual(names(agent('What is the name on the IBAN?'), customer('IBAN, one sec.')), []);
    assert.deepEqual(
      names(agent('Is your IBAN on your statement?'), customer('Yes, the IBAN is there.')),
      [],
    );
  });

  test('a question that goes on past the name cue: the answer follows all of it', () => {
    const transcript = call(
      { channel: null, speaker: 'A', text: 'Can I have your name and your network username?' },
      { channel: null, speaker: 'B', text: 'Sure, Marcus Webb, and the username is mwebb7.' },
    );
    assert.deepEqual(foundOfType(transcript, 'PERSON_NAME'), ['PERSON_NAME:Marcus Webb']);
  });
  test('the opening words of a call with unknown speakers are the agent introducing themselves', () => {
    const transcript = mono(
      'good morning, Harbour Lights Insurance, Siobhan speaking',
      'hi, I need to make a claim',
    );
    assert.deepEqual(foundOfType(transcript, 'PERSON_NAME'), ['PERSON_NAME:Siobhan']);
    assert.deepEqual(
      foundOfType(mono('hello, Ridgeway Lettings, Tomasz Wren speaking, how can I help'), 'PERSON_NAME'),
      ['PERSON_NAME:Tomasz Wren'],
    );
    // A customer's capitalised word before "speaking" is no introduction.
    assert.deepEqual(
      foundOfType(
        call(agent('hello, how can I help'), customer('Frankly speaking, it is a mess')),
        'PERSON_NAME',
      ),
      [],
    );
  });

  test('an agent\'s "I\'m …" counts a capitalised name that is not listed', () => {
    assert.deepEqual(
      foundOfType(call(agent("thanks for calling Greenway Energy, I'm Oluwaseun")), 'PERSON_NAME'),
      ['PERSON_NAME:Oluwaseun'],
    );
    // A customer's "I'm" still needs a listed first name.
    assert.deepEqual(foundOfType(call(customer("I'm Bewildered by this bill")), 'PERSON_NAME'), []);
  });
});

describe('PERSON_NAME after a relation and a title, in lower-case transcripts', () => {
  test('the answer to a question about a relation opens with their name', () => {
    assert.deepEqual(
      names(agent('And your partner?'), customer('Rowena Castellane, she uses her own name.')),
      ['PERSON_NAME:Rowena Castellane'],
    );
  });

  test('a title or a relation in a turn without capitals still names someone', () => {
    assert.deepEqual(names(agent('you are booked in with doctor okonkwo-hale on friday')), [
      'PERSON_NAME:okonkwo-hale',
    ]);
    assert.deepEqual(names(customer('my nephew dario vandenberg will collect it')), [
      'PERSON_NAME:dario vandenberg',
    ]);
    assert.deepEqual(names(customer('my wife handles all the bills')), []);
  });
});

describe('PERSON_NAME in transcripts written without capitals', () => {
  test('an agent\'s unlisted name before "speaking" and after "i\'m" in the greeting', () => {
    assert.deepEqual(names(agent('good morning harbourview dental perpetua speaking')), [
      'PERSON_NAME:perpetua',
    ]);
    assert.deepEqual(names(agent("thanks for calling larchmont gas i'm ottoline how can i help")), [
      'PERSON_NAME:ottoline',
    ]);
    // Later in the call an "i'm ..." is talk, not a greeting.
    assert.deepEqual(
      names(
        agent('hello how can i help'),
        customer('my last bill looks far too high'),
        agent('let me look into that for you'),
        customer('the one from last month'),
        agent("i'm unable to see that yet"),
      ),
      [],
    );
  });

  test('a name after thanks or a greeting that ends the turn or the sentence, and its repeats', () => {
    assert.deepEqual(
      names(
        agent('good afternoon fernleigh water zebedee speaking'),
        customer('thank you zebedee'),
        customer('cheers mate'),
        agent("you're welcome take care"),
      ),
      ['PERSON_NAME:zebedee', 'PERSON_NAME:zebedee'],
    );
    assert.deepEqual(names(agent("you're welcome ysolde have a lovely evening")), ['PERSON_NAME:ysolde']);
    // A word after thanks that goes on with the sentence, or after "you" that is not thanks.
    assert.deepEqual(names(agent('thank you creditors will contact you first')), []);
    assert.deepEqual(names(agent("we'll post you paperwork")), []);
  });

  test('a listed first name with an unlisted surname, after an introduction or a relation', () => {
    assert.deepEqual(names(customer('hi this is george pemberton-quayle i need help with my bill')), [
      'PERSON_NAME:george pemberton-quayle',
    ]);
    assert.deepEqual(names(customer('my husband dennis okoroafor his date of birth is')), [
      'PERSON_NAME:dennis okoroafor',
    ]);
    assert.deepEqual(names(customer('my daughter ottilie is on the account too')), ['PERSON_NAME:ottilie']);
    assert.deepEqual(names(customer('my wife handles all the bills')), []);
  });

  test('a full name after a weak introduction, two words or a listed first name', () => {
    assert.deepEqual(names(agent('thanks and am i speaking with wilhelmina castellanos')), [
      'PERSON_NAME:wilhelmina castellanos',
    ]);
    assert.deepEqual(names(agent('is this about the outage')), []);
  });
});

describe('PERSON_NAME: short forms, relatives, titles and names ending a question', () => {
  test('the name everyone calls the speaker, and its repeats', () => {
    assert.deepEqual(
      names(
        agent('and whose name is the booking under'),
        customer('bartholomew quist but everyone calls me bartie'),
        agent('no problem bartie have a lovely day'),
      ),
      ['PERSON_NAME:bartholomew quist', 'PERSON_NAME:bartie', 'PERSON_NAME:bartie'],
    );
  });

  test('a surname after a first name in an answer without capitals', () => {
    assert.deepEqual(
      names(
        agent("you're through to billing my name is odile who am i speaking with"),
        customer("hi odile it's martin vandermolen i'm ringing about a bill"),
      ),
      ['PERSON_NAME:odile', 'PERSON_NAME:odile', 'PERSON_NAME:martin vandermolen'],
    );
  });

  test('a relative named with the family name in another form', () => {
    assert.deepEqual(
      names(
        customer('Kowalczyk.'),
        agent('Thanks, Mr Kowalczyk. I see you and Zofia Kowalczyka on the booking.'),
        agent('And now Zofia, her seat.'),
      ),
      ['PERSON_NAME:Kowalczyk', 'PERSON_NAME:Kowalczyk', 'PERSON_NAME:Zofia Kowalczyka', 'PERSON_NAME:Zofia'],
    );
  });

  test('a title after a time, and a doctor after a determiner', () => {
    assert.deepEqual(names(agent('We have 9:30 with Dr. Ferreira-Lindqvist, or Friday.')), [
      'PERSON_NAME:Ferreira-Lindqvist',
    ]);
    assert.deepEqual(names(agent('then your doctor sends the form over to us')), []);
  });

  test('a name set off by a comma that ends a question', () => {
    assert.deepEqual(names(agent('All done. Anything more I can help with tonight, Oyelaran?')), [
      'PERSON_NAME:Oyelaran',
    ]);
    assert.deepEqual(names(agent('And which state, Nevada?')), []);
  });

  test('a company, an exclamation and a trip abroad are not names', () => {
    assert.deepEqual(names(agent('And the account name?'), customer('Pereira Azulejos Ltda.')), []);
    assert.deepEqual(names(agent('Please keep it private.'), customer('Oh dear. Understood.')), []);
    assert.deepEqual(
      names(customer('I want to pay my nephew in Canada.'), agent('Sure. Overseas payments take a day.')),
      [],
    );
  });
});

describe('PERSON_NAME: callers introducing themselves after a greeting, relatives after "is"', () => {
  test('"it\'s" right after a greeting, or after greeting someone by name, gives the caller\'s name', () => {
    assert.deepEqual(
      names(
        agent('Northfield Boilers, how can I help?'),
        customer('Hiya, it is Perpetua Vance, about my service'),
      ),
      ['PERSON_NAME:Perpetua Vance'],
    );
    assert.deepEqual(
      names(
        agent('Good morning, Quill Opticians, this is Odette.'),
        customer("Morning Odette it's Barnaby Lusk I need to move my eye test"),
      ),
      ['PERSON_NAME:Odette', 'PERSON_NAME:Odette', 'PERSON_NAME:Barnaby Lusk'],
    );
    assert.deepEqual(names(customer("hey it's ignatius ferrow on the blue narrowboat")), [
      'PERSON_NAME:ignatius ferrow',
    ]);
    // Talk after the greeting, a day, a company and a single unlisted word without capitals are no names.
    assert.deepEqual(names(customer("Hi, it's about my last invoice of £240.")), []);
    assert.deepEqual(names(customer("Hello, it's Thursday the 12th I wanted to book.")), []);
    assert.deepEqual(names(customer("Hey, it's Redbrook Lettings calling back.")), []);
    assert.deepEqual(names(customer("hi it's freezing in here again")), []);
    assert.deepEqual(names(customer("hello it's order 4471 that never came")), []);
    assert.deepEqual(names(customer("Hi, it's K T 4 4 0 9 1 on my letter.")), []);
    assert.deepEqual(names(customer("I sent the form this morning it's Qv 8 on the top")), []);
  });

  test('"I\'m" with a full name in capitals, though the first name is not listed', () => {
    assert.deepEqual(names(customer("Hi there, I'm Ottoline Brack, I rang yesterday.")), [
      'PERSON_NAME:Ottoline Brack',
    ]);
    // One unlisted word, or ordinary talk, is still no name.
    assert.deepEqual(names(customer("I'm Bewildered, honestly.")), []);
    assert.deepEqual(names(customer("I'm Really Sorry about the delay.")), []);
  });

  test('a relative named after "is" or a possessive', () => {
    assert.deepEqual(names(customer('The lesson is for my daughter. My daughter is Ysolde.')), [
      'PERSON_NAME:Ysolde',
    ]);
    assert.deepEqual(names(agent('And your dependant, is Fabian still at university?')), [
      'PERSON_NAME:Fabian',
    ]);
    assert.deepEqual(names(customer("That mobile is my husband's, Arjun.")), ['PERSON_NAME:Arjun']);
    assert.deepEqual(names(customer('my grandson is dominic hale and he lives with me')), [
      'PERSON_NAME:dominic hale',
    ]);
    // Not a state, a possession or a number.
    assert.deepEqual(names(customer('my wife is pregnant with twins')), []);
    assert.deepEqual(names(customer('My son is Home from school now.')), []);
    assert.deepEqual(names(customer("It was my daughter's Honda Civic.")), []);
    assert.deepEqual(names(customer('my son is 14 and needs a bus pass')), []);
  });

  test('asked for several names, each one after "and", with talk between them', () => {
    assert.deepEqual(
      names(
        agent("Can I take both passengers' names and ages?"),
        customer('Ottilie, she is 9, and Barnaby, he turned 12.'),
      ),
      ['PERSON_NAME:Ottilie', 'PERSON_NAME:Barnaby'],
    );
    // Asked for one name, later words after "and" are not taken; nor are numbers or ordinary words.
    assert.deepEqual(
      names(agent('And your name please?'), customer('Ottilie, and Friday suits me, and 3 bags.')),
      ['PERSON_NAME:Ottilie'],
    );
    assert.deepEqual(
      names(agent("The children's names?"), customer('Ottilie, she is 9, and Tuesday is her club day.')),
      ['PERSON_NAME:Ottilie'],
    );
  });

  test('a title reads the name up to its last capitalised word', () => {
    assert.deepEqual(names(agent('Lovely. Mr Abernethy wants the form signed by Friday.')), [
      'PERSON_NAME:Abernethy',
    ]);
    assert.deepEqual(names(agent('Thanks, Mrs van Houten.')), ['PERSON_NAME:van Houten']);
  });

  test('a greeting before a company name, and "client", name no one', () => {
    assert.deepEqual(names(agent('Hello, Bramble Home Insurance claims, you are through to claims.')), []);
    assert.deepEqual(
      names(
        agent('And the beneficiary name?'),
        customer('Kettering Rowe, client account.'),
        agent('Is that the client account?'),
      ),
      ['PERSON_NAME:Kettering Rowe'],
    );
  });

  test('spelled codes in a turn without capitals leave it without capitals', () => {
    assert.deepEqual(names(customer("hey walt it's corin aldous on berth d 9 reg GK 19")), [
      'PERSON_NAME:corin aldous',
    ]);
  });
});

describe('PERSON_NAME: a known surname said with another ending', () => {
  const after = (said: string): string[] =>
    names(
      agent('Can I take your full name please?'),
      customer('Teodor Wyszkowski.'),
      agent('Thank you. Anyone else on the account?'),
      customer(`Yes, ${said} too, my mum.`),
    );

  test('an ending as long or one letter longer is the same family name', () => {
    assert.deepEqual(after('Wyszkowska'), ['PERSON_NAME:Teodor Wyszkowski', 'PERSON_NAME:Wyszkowska']);
    assert.deepEqual(after('Wyszkowskie'), ['PERSON_NAME:Teodor Wyszkowski', 'PERSON_NAME:Wyszkowskie']);
  });

  test('a shorter stem, another stem or a word without a capital is not', () => {
    assert.deepEqual(after('Wyszkowa'), ['PERSON_NAME:Teodor Wyszkowski']);
    assert.deepEqual(after('Wyszkowskiego'), ['PERSON_NAME:Teodor Wyszkowski']);
    assert.deepEqual(after('wyszkowska'), ['PERSON_NAME:Teodor Wyszkowski']);
  });
});
