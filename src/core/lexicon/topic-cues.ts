/**
 * Cue phrases: what a question asks for, what introduces a value inside a turn, and the words
 * around them. One place for every dialogue recognizer, so a phrase added for one topic is weighed
 * against the cues of every other topic ("email address" is not a street address).
 */
import { ENTITY_NAMES } from './entity-cues.js';
import { NICKNAME_CUES, RELATION_WORDS } from './names.js';
import { BILLING_ADDRESS_CUES, CARDHOLDER_CUES } from './payment-cues.js';
import { phrases, wordSet } from './words.js';

/** What a question asks for. `other` stands for every type these recognizers do not handle. */
export type Topic = 'name' | 'address' | 'username' | 'password' | 'security' | 'other';

/**
 * Phrases that name what is asked or told. Where phrases of two topics overlap in a text, the one
 * starting first wins ("name on the card" beats "card"), so competing types are listed under
 * `other` to shield the topics here.
 */
export const TOPIC_CUES: Readonly<Record<Topic, readonly string[]>> = {
  name: [
    ...CARDHOLDER_CUES,
    ...phrases(`
    name, your name, full name, first name, last name, surname, family name, given name, second name,
    middle name, forename, names, who am i speaking with, who am i speaking to,
    who i'm speaking with, who i'm speaking to, who i am speaking with, who i am speaking to,
    whom am i speaking, who's calling, who is calling, who's this, who is this,
    who do i have the pleasure, and you are, what do i call you, what should i call you,
    what are you called, cardholder's name, account holder, account holder's name, account name,
    name on the account, name as it appears, whose name
  `),
    // "Who's your manager?", "who is your landlord?": a person asked for by how they relate.
    ...[...RELATION_WORDS].flatMap((relation) => [`who's your ${relation}`, `who is your ${relation}`]),
  ],
  address: [
    ...BILLING_ADDRESS_CUES,
    ...phrases(`
    address, home address, mailing address, postal address, street address,
    shipping address, delivery address, residential address, current address, new address, old address,
    previous address, address on file, first line of your address, first line of the address,
    house number, street name, where do you live, where you live, where are you living,
    where are you located, where do you stay, where should we send, where do we send,
    where shall we send, where should it be delivered, where would you like it delivered, where to send
  `),
  ],
  username: phrases(`
    username, user name, user id, userid, login, login id, login name, log in id, log in name, log on,
    logon, login details, log in details, sign in name, handle, screen name, gamertag, gamer tag,
    profile name, log in with, sign in with, what do you log in with, netid, net id, network id,
    network login, windows login, staff login
  `),
  password: phrases(`
    password, pass word, passcode, pass code, passphrase, pass phrase, memorable word,
    memorable phrase, secret word, secret phrase, security word, verbal password, telephone password,
    phone password, new password, change your password to, password to be, code word, codeword,
    code phrase, safe word
  `),
  security: phrases(`
    security question, security questions, secret question, security answer, secret answer,
    memorable place, memorable name, memorable date, memorable information, mother's maiden name,
    maiden name, first pet, first pet's name, pet's name, name of your first pet, name of your pet,
    first car, make of your first car, model of your first car, city were you born, city you were born,
    town were you born, town you were born, where were you born, where you were born, born in,
    place of birth, city of birth, town of birth, first school, primary school, elementary school,
    high school, middle school, secondary school, name of your first school, favourite teacher,
    favorite teacher, favourite colour, favorite color, favourite food, favorite food, favourite book,
    favorite book, favourite film, favourite movie, favorite movie, favourite band, favorite band,
    favourite singer, favorite singer, favourite sports team, favorite sports team, favourite team,
    favorite team, favourite animal, favorite animal, favourite song, favorite song, favourite place,
    favorite place, favourite holiday, favorite vacation, childhood friend, childhood nickname,
    childhood hero, childhood home, childhood best friend, best friend, street you grew up,
    street did you grow up, grow up on, grew up on, first job, first employer, first boss,
    father's middle name, mother's middle name, oldest sibling, youngest sibling, oldest cousin,
    grandmother's, grandfather's, first concert, honeymoon, where did you meet, nickname, dream job,
    which of these, which of the following
  `),
  // The structured types' plain names, and other phrases asking for what these recognizers do not handle.
  other: [
    ...ENTITY_NAMES,
    ...phrases(`
    e-mail, email address, e-mail address, ip address, web address, website, phone, phone number,
    telephone, mobile, mobile number, cell, number, birth date, year were you born,
    what year were you born, zip, zip code, postcode, post code, social, social security, last four,
    last 4, expiry, expiration, expiry date, cvv, cvc, security code, security number, three digit,
    3 digit, sort code, routing number, reference, reference number, order number, policy number,
    member id, member number, passport, license, licence, one time passcode, one-time passcode,
    1 time passcode, 1 time password, one time password, 1 time code,
    verification code, one time code, otp, amount, name of your bank, bank name, company name,
    name of the company, digit passcode, digit pass code, digit code, digit pin, business name,
    product name, name of the product, network name, wifi name, wi-fi name, device name, file name,
    reset your password, password reset, forgot your password,
    forgotten your password, change your password, reset link, how much, what time, which day
  `),
  ],
};

/**
 * What security questions ask about: a question about one of these, asked right after a security
 * question, is another one whatever its wording ("And what city were your parents married in?").
 */
export const SECURITY_QUESTION_WORDS = wordSet(`
  city town village country street road school college university teacher pet dog cat horse
  car friend hero team food colour color song book film movie band singer nickname hospital job
  employer boss concert holiday vacation honeymoon mascot sport married born grew meet met maiden
  childhood grandmother grandfather grandma grandpa sibling cousin aunt uncle
`);

/** Words that open a question for a value ("what", "which"): with a security word, a security question. */
export const WH_WORDS = wordSet(`what what's which where where's who who's when whats`);

/** Words that make a mention of a topic into a request for it ("what's", "confirm", "spell"). */
export const REQUEST_WORDS = wordSet(`
  what what's whats which who who's whom where where's how tell give confirm spell provide verify
  read repeat say state enter type need take get grab have please go double-check
`);

/** Words before a cue (maybe with "the"/"your" between) that make it where a value is, not what is asked. */
export const QUALIFYING_WORDS = wordSet(`on`);

/** Questions after a cue that ask for its value: "I'll set a verbal password. What would you like it to be?" */
export const FOLLOW_UP_REQUESTS = phrases(`
  what would you like it to be, what do you want it to be, what should it be, what will it be,
  what would you like to use, what do you want to use, what would you like, what do you want
`);

/**
 * Openings of a question the answerer asks back before answering ("can it be a phrase?"): after
 * the other party's short reply, the original question still stands.
 */
export const CLARIFYING_HEADS = phrases(`
  can it, could it, does it, should it, do i, can i use, could i use, is it okay, is it ok,
  does it have to, does it need to, what if, how long, how many, can that
`);

/**
 * Cues that also name an event or a screen: "a login this morning", "it's asking for a login". Said
 * with "a" or "an", they name the identifier only after a word in `HAVING_WORDS` ("do you have a
 * login?").
 */
export const EVENT_CUES = phrases(`login, logon, log on`);

/** Words before "a login" that make it an identifier someone has: "have you got a login?", "set up a login". */
export const HAVING_WORDS = wordSet(`have has had got get create created make made up`);

/** Words before a cue that make it the speaker's own ("my name is Anita"): told, not asked. */
export const OWNING_WORDS = wordSet(`my our`);

/** Words before a cue that say not to give the value ("please don't tell me the password"): not a request. */
export const DECLINING_PHRASES = phrases(`
  don't tell, do not tell, don't say, do not say, don't give, do not give, don't read, do not read,
  don't share, do not share, never share, no need to read,
  never tell, never say, never give, no need to tell, no need to say, no need to give, no need for,
  you don't need to, you do not need to, shouldn't need to, should not need to, shouldn't tell,
  should not tell, don't need
`);

/**
 * Words that finish a question after its cue ("… your full name please", "… did you go to", "… your
 * best friend's name"):
 * in a view holding both speakers, the answer starts after them.
 */
export const QUESTION_TAIL_WORDS = wordSet(`
  please today me account card file again go attend attended born grow live have security
  confirm just quickly now there then sir madam ma'am set currently called 's name
`);

/** Pairs that open a yes/no question ("do you", "is your"), when no request word follows them. */
export const YES_NO_HEADS = phrases(`
  do you, did you, does your, does it, have you, has your, are you, were you, is your, is the, is it,
  is that, was it, was your, was that, will you, would you like, can you remember, do you remember,
  do you know, do you have
`);

/** Prompt words asking to hear the last answer again: the topic carries over to the next answer. */
export const REPEAT_CUES = phrases(`
  sorry, pardon, repeat, spell, spelt, spelled, spelling, go ahead, go on, slowly, slower,
  didn't catch, didn't get, say that, come again, one more time, what was that, excuse me
`);

/**
 * Prompt words that wait for more of the answer ("take your time", "the rest"): as the other
 * party's whole reply they carry the topic over too, but inside a speaker's own sentence (a view
 * holding both speakers) they are ordinary words ("can I just use that again?").
 */
export const WAITING_CUES = phrases(`
  again, missed, take your time, no rush, ready, the rest, carry on, continue
`);

/** Words after which the value starts, when everything before them restates the question. */
export const INTRODUCERS = wordSet(`is was were are be called named in at to as on from`);

/**
 * Verbs a caller uses while restating a question ("I grew up on", "we called him"): together
 * with function words and the question's own words, they frame the answer without being it.
 */
export const FRAMING_WORDS = wordSet(`
  went go grew grow growing up born lived live living moved move called named name had got owned
  drove met attended studied raised stay stayed reside resided used use think thought believe
  guess say would should could it's answer
`);

/** Phrases only an agent says: a self-introduction near them is the agent's own name. */
export const AGENT_PHRASES = phrases(`
  thank you for calling, thanks for calling, thank you for holding, thanks for holding, how can i help,
  how may i help, how can i assist, how may i assist, you're through to, you are through to,
  you've reached, you have reached, welcome to, on a recorded line
`);

/**
 * Phrases after which a speaker gives a value in the same turn, beyond "<topic noun> is" (which
 * every topic gets from TOPIC_CUES and STATEMENT_COPULAS).
 */
export const VALUE_CUES: Readonly<Record<Topic, readonly string[]>> = {
  name: [
    ...phrases(`
    this is, i'm, im, i am, am i speaking with, am i speaking to, i'm speaking with, is this,
    you're speaking with, you are speaking with, you're speaking to, call me, in the name of,
    under the name, under the name of, it is under, it's under, goes by, named, by the name of
  `),
    ...NICKNAME_CUES,
  ],
  address: phrases(`
    i live at, we live at, i'm living at, we're living at, living at, i live on, we live on,
    i moved to, we moved to, just moved to, moved to, i'm at, we're at, i'm now at, i am at,
    i reside at, i stay at, located at, send it to, deliver it to, ship it to, mail it to, post it to,
    address as, still at
  `),
  username: phrases(`
    log in with, log in as, logged in as, logging in as, sign in with, sign in as, signed in as,
    log in using, sign in using, login with
  `),
  password: phrases(`password to`),
  security: [],
  other: [],
};

/**
 * Phrases that give a value only while its topic is under discussion: the topic was named in the
 * other party's last words or earlier in the same turn ("… temporary password is X" / "I'll change
 * it to Y").
 */
export const CONTEXT_VALUE_CUES: Readonly<Record<Topic, readonly string[]>> = {
  name: [],
  address: [],
  username: phrases(`it's under, it is under, under the username`),
  // Password ones are PASSWORD_SET_PHRASES: the password recognizer reads password talk more widely.
  password: [],
  // "My security question … the answer is X": the answer named after its question.
  security: phrases(`the answer is, the answer's, the answer was, answer is, answer's, answer was`),
  other: [],
};
