/**
 * What surrounds a value in an answer: the words a caller says before it ("yeah, it's"), the
 * words that end it ("I think", "thanks"), and answers that give no value at all.
 */
import { phrases } from './words.js';

/** Openers that announce the value itself: after a yes/no question they turn "yes" into an answer. */
export const VALUE_LEAD_INS = phrases(`
  it's, it is, its, it was, it'll be, it will be, it'd be, it would be, it should be, should be,
  that's, that is, that was, that would be, that'd be, that will be, that'll be, the answer is,
  the answer would be, my answer is, i'd say, i would say, i'd have said, they are, they're,
  it was called, it says, it reads, it shows, that says
`);

/** Openers stripped, repeatedly, from the start of an answer. */
export const LEAD_INS = [
  ...phrases(`
    yes, yeah, yep, yup, yes please, sure, sure thing, okay, ok, oh, um, uh, er, erm, ah, hmm, mm, mhm, uh-huh,
    well, so, right, alright, all right, of course, certainly, no problem, absolutely, sorry, hi,
    hello, hey, hiya, got it, actually, let me see, let me think, let me check, let me remember, hang on,
    hold on, one sec, one second, just a sec, just a second, bear with me, i think, i believe, i guess,
    probably, just, basically, no, nope, that's right, that's correct, correct, good question,
    that's easy, you know, and, ha, haha, gosh, oh gosh, wow, ooh, aha, oh dear, blimey, crikey, gee
  `),
  ...VALUE_LEAD_INS,
];

/** Answers that give no value ("I don't remember"): the turn is not searched further. */
export const NON_ANSWERS = phrases(`
  i don't know, i dont know, i don't remember, i can't remember, i cannot remember, i'm not sure,
  i am not sure, not sure, no idea, i have no idea, i've no idea, i forgot, i've forgotten,
  i have forgotten, i forget, i don't have one, i don't have, i never set, i've never, i never,
  i didn't set, can you repeat, could you repeat, say that again, what was the question,
  what do you mean, what was that, the same, same as, not working, isn't working, doesn't work,
  not applicable, none, nothing, why do you need, go ahead, fire away, ask away, shoot,
  no worries, no bother, not a problem, don't worry, something with, at least, it needs, it has to,
  it must, needs to be, has to be, must be, must have, minimum, sounds good, sounds great,
  sounds fine, sounds perfect, will do, makes sense, fair enough
`);

/** Phrases that end a value: what follows them is talk about the value, not the value. */
export const TRAILERS = phrases(`
  i think, i believe, i guess, i hope, if i remember, if i recall, if i'm not, thanks, thank you,
  cheers, please, is that right, is that correct, is that ok, is that okay, is that it, that's it,
  that's all, yeah, yes, right, okay, ok, but, because, 'cause, and i, and i'm, and i've, and my,
  and it, and it's, so, all one word, one word, all 1 word, 1 word, all lower case, all lowercase,
  lower case, lowercase, all caps, no spaces, with a capital, capital letter, if that helps, sorry,
  can you, could you, do you, did you, would you, i'm, i am, i've, i was, i'll, as well, though,
  actually, hopefully, as far as i know, or something, or so, i suppose, you know, for sure, anyway,
  perfect, great, lovely, brilliant, wonderful, excellent, that's correct, that's right, correct,
  and the, and your, and can, and could, and what, and when, can i, could i, may i, let me, what's,
  what is, how, when, where, who, which, isn't it, is it, wasn't it, wouldn't it, innit,
  isn't that right, like, something like that
`);

/** Words after a topic noun that introduce its value in the same turn ("my password is ..."). */
export const STATEMENT_COPULAS = phrases(`
  is, was, 's, will be, would be, should be, is still, was always, called, named, reads, is just,
  was called, is called, 's called, was named, is named
`);
