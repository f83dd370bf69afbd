import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, found, foundOfType } from './conversation.js';

describe('look-alikes named by the words around them', () => {
  test('a loyalty balance counted in points is no identifier asked for', () => {
    const transcript = call(
      agent('can I take your membership number'),
      customer('yes, it is 55 20 31 8'),
      agent('thanks'),
      customer('and roughly twenty five thousand points went missing last week'),
    );
    assert.deepEqual(
      found(transcript).filter((entry) => entry.includes('25000')),
      [],
    );
  });

  test('an account number the business gives out is no bank account, even where banking is talked about', () => {
    const issued = call(
      customer('the direct debit can come from my bank, the checking one'),
      agent('great, and your new account number with us is 6 6 0 4 1 9 2 8 3 7'),
    );
    assert.deepEqual(foundOfType(issued, 'BANK_ACCOUNT'), []);
    const future = call(
      customer('please pay it from my savings at the bank'),
      agent('done, your account number will be 6 6 0 4 1 9 2 8 3 7'),
    );
    assert.deepEqual(foundOfType(future, 'BANK_ACCOUNT'), []);
    // Asked for, the new bank account is still one.
    const asked = call(
      agent('you are moving banks, so what is the new account number'),
      customer('6 6 0 4 1 9 2 8'),
    );
    assert.deepEqual(foundOfType(asked, 'BANK_ACCOUNT'), ['BANK_ACCOUNT:66041928']);
  });

  test('a bare "and account?" after the routing number asks for the bank account', () => {
    const transcript = call(
      agent('which bank and routing'),
      customer('the credit union, 3 2 1 0 7 5 9 4 7'),
      agent('and account'),
      customer('4 4 0 9 1 7 2 3 5'),
    );
    assert.deepEqual(foundOfType(transcript, 'BANK_ACCOUNT'), ['BANK_ACCOUNT:440917235']);
  });
});
