import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Atom } from '../../src/core/normalise/atoms.js';
import { makeAtom } from '../../src/core/normalise/atoms.js';
import { mayHoldAddress } from '../../src/core/normalise/email.js';
import { normaliseTurns, spoken, wordsBehind } from './support.js';

function expectAll(cases: Record<string, string>): void {
  for (const [input, expected] of Object.entries(cases)) assert.equal(spoken(input), expected, input);
}

describe('spoken email addresses', () => {
  test('"at" and "dot" become symbols, in lower case', () => {
    expectAll({
      'my email is john dot smith at gmail dot com': 'my email is john.smith@gmail.com',
      'John Dot Smith At Gmail Dot Com.': 'john.smith@gmail.com',
      'kwong at gmail dot com and my phone': 'kwong@gmail.com and my phone',
    });
  });

  test('underscore, dash, hyphen, "at sign" and "at symbol"', () => {
    expectAll({
      'mary underscore jones at outlook dot com': 'mary_jones@outlook.com',
      'mary dash jones at my hyphen site dot org': 'mary-jones@my-site.org',
      'john at sign gmail dot com': 'john@gmail.com',
      'john at symbol gmail dot com': 'john@gmail.com',
    });
  });

  test('spelled letters and digits inside the parts', () => {
    expectAll({
      'j o h n 7 7 at yahoo dot co dot uk': 'john77@yahoo.co.uk',
      'john seven seven at gmail dot com': 'john77@gmail.com',
      'k w o n g at h o t mail dot com': 'kwong@hotmail.com',
      'kilo whiskey at gmail dot com': 'kw@gmail.com',
      'j o h n smith at gmail dot com': 'johnsmith@gmail.com',
    });
  });

  test('mixed written and spoken forms', () => {
    expectAll({
      'john at gmail.com': 'john@gmail.com',
      'john.smith at gmail dot com': 'john.smith@gmail.com',
      'it is John.Smith@Gmail.com.': 'it is John.Smith@Gmail.com',
    });
  });

  test('the address starts at its own first word', () => {
    expectAll({
      'reach me at john at gmail dot com': 'reach me at john@gmail.com',
      "that's seven seven at gmail dot com": "that's 77@gmail.com",
      'contact john smith at gmail dot com': 'contact johnsmith@gmail.com',
    });
  });

  test('the domain ends at its last top-level-domain-like label', () => {
    expectAll({ 'john at gmail dot com dot the end': 'john@gmail.com dot the end' });
  });
});

describe('spoken email addresses, as callers also say them', () => {
  test('a middle initial between two words at a mail provider', () => {
    assert.equal(spoken('it is maria j santos at yahoo dot com'), 'it is mariajsantos@yahoo.com');
  });

  test('a spelling said right after the address does not join its last label: the address covers it', () => {
    const normalised = normaliseTurns([{ text: 'maria santos at gmail dot com. M A R I A' }]);
    assert.equal(normalised.views[0]!.text, 'mariasantos@gmail.com');
    assert.equal(
      wordsBehind(normalised, 'mariasantos@gmail.com'),
      'maria santos at gmail dot com. M A R I A',
    );
  });
});

describe('spoken email addresses, as callers say them in other ways', () => {
  test('a first name and an initial closing the local part, at a mail provider', () => {
    expectAll({
      'it is oriel k at gmail dot com': 'it is orielk@gmail.com',
      'bram t at outlook dot com': 'bramt@outlook.com',
    });
  });

  test('a local part said as words before "at sign" or "at symbol" and a provider', () => {
    expectAll({
      'wendell pryce at sign hotmail dot com': 'wendellpryce@hotmail.com',
      'wendell pryce at symbol aol dot com': 'wendellpryce@aol.com',
    });
  });

  test('"at the rate" for the at sign', () => {
    assert.equal(spoken('suresh dot rao at the rate gmail dot com'), 'suresh.rao@gmail.com');
  });

  test('"point", "period" and the British "full stop" for the dot', () => {
    expectAll({
      'ines point varga at gmail dot com': 'ines.varga@gmail.com',
      'ines period varga at gmail period com': 'ines.varga@gmail.com',
      'ines full stop varga at btinternet dot com': 'ines.varga@btinternet.com',
      'ines at varga full stop co full stop uk': 'ines@varga.co.uk',
    });
  });

  test('the dot and the top-level domain said as one word: "dotcom"', () => {
    assert.equal(spoken('ines dot varga at gmail dotcom'), 'ines.varga@gmail.com');
  });

  test('in one stream, the other party\'s backchannel after "at" or before a dot belongs to the address', () => {
    const afterAt = normaliseTurns([
      { text: 'pell dot ruskin at' },
      { text: 'okay' },
      { text: 'gmail dot com' },
    ]);
    assert.equal(wordsBehind(afterAt, 'pell.ruskin@gmail.com'), 'pell dot ruskin at okay gmail dot com');
    const beforeDot = normaliseTurns([
      { text: 'pell' },
      { text: 'yep' },
      { text: 'dot ruskin at gmail dot com' },
    ]);
    assert.equal(wordsBehind(beforeDot, 'pell.ruskin@gmail.com'), 'pell yep dot ruskin at gmail dot com');
  });

  test('a name with an apostrophe, written without it', () => {
    expectAll({
      "maeve dot o'hanlon at gmail dot com": 'maeve.ohanlon@gmail.com',
      "D'Arcy at yahoo dot com": 'darcy@yahoo.com',
    });
    // A contraction is not a name: "I'm at …" stays words.
    expectAll({ "I'm at gmail dot com now": "I'm at gmail.com now" });
  });

  test('a country code said after "co" without its dot', () => {
    expectAll({
      'maeve dot hanlon at hotmail dot co uk': 'maeve.hanlon@hotmail.co.uk',
      'info at brightwater dot org uk': 'info@brightwater.org.uk',
    });
  });

  test('a filler or, in one stream, a backchannel between a dot and its label', () => {
    assert.equal(spoken('pell dot ruskin at gmail dot um com'), 'pell.ruskin@gmail.com');
    const split = normaliseTurns([
      { text: 'pell dot ruskin at gmail dot' },
      { text: 'uh huh' },
      { text: 'com' },
    ]);
    assert.equal(wordsBehind(split, 'pell.ruskin@gmail.com'), 'pell dot ruskin at gmail dot uh huh com');
  });

  test('one letter spelled with "as in" right after the address is covered by it', () => {
    const normalised = normaliseTurns([{ text: 'oriel k at gmail dot com, k as in kettle' }]);
    assert.equal(normalised.views[0]!.text, 'orielk@gmail.com');
    assert.equal(wordsBehind(normalised, 'orielk@gmail.com'), 'oriel k at gmail dot com, k as in kettle');
  });

  test('negatives: the words stay words without a whole address', () => {
    expectAll({
      'that is a good point at the end': 'that is a good point at the end',
      'for a trial period at home': 'for a trial period at home',
      'a full stop at the end of it': 'a full stop at the end of it',
      'we were at the rate we agreed': 'we were at the rate we agreed',
    });
  });
});

describe('spoken host names', () => {
  test('labels joined by "dot" ending in a domain, with a "slash" path', () => {
    expectAll({
      'www dot example dot com slash help': 'www.example.com/help',
      'w w w dot example dot com': 'www.example.com',
      'go to example dot co dot uk': 'go to example.co.uk',
      'find us at example dot com': 'find us at example.com',
      'b b c dot co dot uk slash news slash world': 'bbc.co.uk/news/world',
    });
  });
});

describe('"at" and "dot" that are not an address', () => {
  test('stay words', () => {
    expectAll({
      "I'm at home": "I'm at home",
      'dot the i': 'dot the i',
      "I'll be at the office dot": "I'll be at the office dot",
      'meet me at five': 'meet me at 5',
      'john at home dot': 'john at home dot',
      'the dot com boom': 'the dot com boom',
      'polka dot dress': 'polka dot dress',
    });
  });
  test('a domain whose first label is said as words apart, tied by "and" or not', () => {
    expectAll({
      'info at saltmarsh farm dot co dot uk': 'info@saltmarshfarm.co.uk',
      'orders at rope and anchor dot com': 'orders@ropeandanchor.com',
      'tara quinn at harbour view dot net': 'taraquinn@harbourview.net',
      'nina holm at proton mail dot com': 'ninaholm@protonmail.com',
    });
    // Two words and "at" with no domain after them stay words.
    expectAll({ 'we met at the office': 'we met at the office' });
  });
});

describe('a local part said as several words', () => {
  test('up to three words that are not ordinary talk, with digits or letters closing them', () => {
    expectAll({
      'send it to corin ashby 51 at gmail dot com': 'send it to corinashby51@gmail.com',
      'yes, ines delacroix moss at outlook dot com': 'yes inesdelacroixmoss@outlook.com',
    });
  });

  test('ordinary talk before the address is not part of it', () => {
    expectAll({
      "it's now tobin at gmail dot com": "it's now tobin@gmail.com",
      'for now at corin ashby 51 at gmail dot com': 'for now at corinashby51@gmail.com',
    });
  });

  test('an aside on how the local part is written, or a backchannel, belongs to the address', () => {
    expectAll({
      'it is corin ashby, all one word, at gmail dot com': 'it is corinashby@gmail.com',
      'wes dot tolland, lowercase, at fastmail dot fm': 'wes.tolland@fastmail.fm',
    });
    assert.equal(spoken('pia dot lund uh huh at fastmail dot fm'), 'pia.lund@fastmail.fm');
    const normalised = normaliseTurns([{ text: 'ines moss no spaces at outlook dot com' }]);
    assert.equal(wordsBehind(normalised, 'inesmoss@outlook.com'), 'ines moss no spaces at outlook dot com');
  });

  test('at any domain, not only a webmail one, with initials opening or inside the words', () => {
    expectAll({
      'yes, paula grant at northfield dot co dot uk': 'yes paulagrant@northfield.co.uk',
      'send it to r okoro bakes at fernhill dot net': 'send it to rokorobakes@fernhill.net',
      'tomas k vale at brookline dot org': 'tomaskvale@brookline.org',
    });
    // Ordinary talk before the address stays words; a lone initial is no local part of its own.
    expectAll({
      'I already told grant at fernhill dot net': 'I already told grant@fernhill.net',
      'thanks again dana at fernhill dot net': 'thanks again dana@fernhill.net',
    });
  });

  test('the reserved documentation top-level domain "example"', () => {
    expectAll({ 'ops at greenmill dot example': 'ops@greenmill.example' });
    expectAll({ 'for example, dot the i': 'for example dot the i', 'meet at half 5': 'meet at half 5' });
  });

  test('a domain whose first label is several words tied by "of"', () => {
    expectAll({ 'orders at house of bramble bakes dot com': 'orders@houseofbramblebakes.com' });
  });

  test('the local part said again as a word after a spelling confirms the address', () => {
    const normalised = normaliseTurns([{ text: 'tobinwrey@gmail.com. That is T O B, tobinwrey.' }]);
    assert.equal(normalised.views[0]!.text, 'tobinwrey@gmail.com');
  });
});

describe('which turns may hold an address (asked once per turn)', () => {
  const word = (text: string): Atom => makeAtom('word', [{ text, from: 0, to: 0 }]);
  const turn = (text: string): Atom[] => text.split(' ').map(word);

  test('a turn of plain talk holds none', () => {
    assert.equal(mayHoldAddress(turn('thanks I will check the parcel tomorrow')), false);
    assert.equal(mayHoldAddress([]), false);
  });

  test('"at", a said dot, a glued dot or a written dot or "@" may start one', () => {
    for (const text of [
      'sam at home',
      'example dot org',
      'three point five',
      'ends with a period',
      'full stop',
      'fastmail dotcom',
      'see example.org',
      'write sam@example.org',
    ]) {
      assert.equal(mayHoldAddress(turn(text)), true, text);
    }
  });

  test('turns read whole are normalised as before: hosts with a written dot, glued and British dots', () => {
    expectAll({
      'go to example.org slash help': 'go to example.org/help',
      'it is sam at fastmail dotcom': 'it is sam@fastmail.com',
      'sam full stop jones at gmail full stop com': 'sam.jones@gmail.com',
      'I am at the shop now': 'I am at the shop now',
    });
  });
});
