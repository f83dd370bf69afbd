/**
 * Password talk: the phrases a password is set or given with, the words describing how it is
 * typed, and the spoken symbols it may end with.
 */
import { phrases, wordSet } from './words.js';

/** Phrases a speaker guesses a password with ("might be ...", "maybe it's ..."). */
export const PASSWORD_GUESS_PHRASES = phrases(`
  might be, it might be, may be, it may be, could be, it could be, maybe it's, maybe it was
`);

/**
 * Phrases a speaker sets or gives a password with, without being asked ("I'm gonna do ...", "let's
 * make it ..."): a value only while passwords are being talked about.
 */
export const PASSWORD_SET_PHRASES = phrases(`
  change it to, changed it to, set it to, set it as, my new one to be, my new 1 to be, new one to be,
  new 1 to be, new one will be, new 1 will be, new one is, new 1 is, new one's, new 1's, want it to be,
  make it, gonna do, going to do, gonna use, going to use, gonna make it, gonna put, going to put,
  i'll do, i'll use, i'll put, i'm using, i used, let's do, let's use, let's go with, i'll go with,
  gonna go with, going to go with, i went with, i'm putting, i put, i always use, i usually use,
  i normally use, how about, what about, i tried, i've tried, i'll try, i typed, i've typed, i typed in,
  i entered, i put in, let's say, let's put, i'll say, we'll say, i'm doing, i'm going with,
  i'm gonna use, i'm going to use, i was using, i've been using, i use, i was gonna use, it used to be,
  the new one, the new 1, says, it says, it reads, kept typing, kept putting, kept putting in,
  kept entering, keep typing, keep putting, keep putting in, keep entering, been typing, been putting,
  been putting in, been entering, can we do, can we use, can we make it, could we do, could we use,
  can i do, can i use, can i make it, could i use, can it be, could it be, set it for me to, change it for me to,
  set it for me as, set it up as, set that to, change that to, make that, made a new one,
  i've made a new one, i made a new one, created a new one, i've created a new one, set a new one,
  i've set a new one, i set a new one
`).concat(PASSWORD_GUESS_PHRASES);

/** Words after a password that describe how it is typed ("all lower case"): part of the password. */
export const PASSWORD_MODIFIERS = phrases(`
  all lower case, all lowercase, lower case, lowercase, all upper case, all uppercase, all caps,
  all capitals, no spaces, with no spaces, without spaces, no space
`);

/** Spoken symbols that may end a password said in words ("Winter 47 hash"). */
export const SYMBOL_WORDS = phrases(`
  hash, hashtag, pound sign, dollar, dollar sign, exclamation, exclamation mark, exclamation point,
  star, asterisk, at sign, ampersand, percent, percent sign, underscore, plus, plus sign, equals,
  caret, tilde, bang, hash sign, pound, pound sign, exclamation sign, at symbol, dash, hyphen,
  question mark, full stop, slash, forward slash, backslash, colon, semicolon
`);

/**
 * Words after a username or password cue that name a part of a login form or a rule of it, not the
 * value: "is the password field blank?", "the username box is case sensitive".
 */
export const LOGIN_FORM_PARTS = wordSet(
  'field box screen page prompt manager settings tab menu button bar hint requirements rules policy',
);

/**
 * What a bank asks for some letters of, by position ("the second and the fifth letters of your
 * memorable word"), in the syntax of `compileCues`.
 */
export const MEMORABLE_WORD_CUES: readonly string[] = [
  'memorable (word|phrase|information)',
  'secret (word|phrase)',
  'security word',
  'pass ?(word|phrase|code)',
];
