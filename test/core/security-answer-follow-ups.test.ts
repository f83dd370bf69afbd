import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  agent,
  call,
  customer,
  describe as described,
  detectIn,
  foundOfType,
} from '../recognizers/conversation.js';

const answers = (...turns: Parameters<typeof call>): string[] =>
  foundOfType(call(...turns), 'SECURITY_ANSWER');

/** The security answers the customer said. */
const customerAnswers = (...turns: Parameters<typeof call>): string[] =>
  detectIn(call(...turns))
    .entities.filter((entity) => entity.type === 'SECURITY_ANSWER' && entity.role === 'customer')
    .map(described);

describe('SECURITY_ANSWER: follow-up questions, sentence ends and later mentions', () => {
  test('a question right after a security question is one too, whatever its wording', () => {
    assert.deepEqual(
      answers(
        agent("I'll ask a security question. What was your first car?"),
        customer('A Volvo.'),
        agent('Thanks. And which town did your grandparents retire to?'),
        customer('Bexhill.'),
      ),
      ['SECURITY_ANSWER:A Volvo', 'SECURITY_ANSWER:Bexhill'],
    );
  });

  test('the same wording without a security question before it asks for nothing', () => {
    assert.deepEqual(answers(agent('Which town did you say?'), customer('Bexhill.')), []);
  });

  test('the answer ends where a new sentence starts; names later in it and later mentions count', () => {
    assert.deepEqual(
      answers(
        agent('What was the name of your first school?'),
        customer('Harwell Grange. Well, officially Harwell Grange Juniors, I may have put Juniors.'),
        agent('You did put Harwell Grange Juniors.'),
      ),
      [
        'SECURITY_ANSWER:Harwell Grange',
        'SECURITY_ANSWER:Harwell Grange Juniors',
        'SECURITY_ANSWER:Juniors',
        'SECURITY_ANSWER:Harwell Grange Juniors',
      ],
    );
  });

  test('an option of a multiple-choice question echoed as the answer', () => {
    assert.deepEqual(
      customerAnswers(
        agent('Which of these banks have you had a loan with? Tallis Bank, Orme Savings, or neither?'),
        customer('Orme Savings. That was years ago.'),
      ),
      ['SECURITY_ANSWER:Orme Savings'],
    );
  });

  test("the question's own last word is no answer", () => {
    assert.deepEqual(
      answers(
        agent('Shall we try the security question instead?'),
        customer('Go on.'),
        agent("What's your mother's maiden name?"),
        customer('Pettigrew.'),
      ),
      ['SECURITY_ANSWER:Pettigrew'],
    );
  });
});
