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

describe('numbers named as a tag, a contract or a work order', () => {
  test('a bag tag while passports are talked about is no passport', () => {
    const transcript = call(
      customer('I left my passport on the plane, the number is 559018226'),
      agent('found it, it is at the lost property desk, tag L H R 4 4 0 2 1 7'),
    );
    assert.deepEqual(foundOfType(transcript, 'PASSPORT'), ['PASSPORT:559018226']);
  });

  test('a contract number while member IDs are talked about is no member ID', () => {
    const transcript = call(
      agent('and his medicare number?'),
      customer('1EG4-TE5-MK73'),
      agent('I have the plan here, contract P N 2 2 0 4 8 1 7'),
    );
    assert.deepEqual(foundOfType(transcript, 'MEMBER_ID'), ['MEMBER_ID:1EG4-TE5-MK73']);
  });

  test('a dispute number given just after PINs were talked about is no PIN', () => {
    const transcript = call(
      customer('should I change my pin as well'),
      agent('no need, the pin stays the same, and your dispute number is 7 7 1 4 0 3'),
    );
    assert.deepEqual(foundOfType(transcript, 'PIN'), []);
  });

  test('a work order read out after a billing zip is no ZIP', () => {
    const transcript = call(
      agent('and the billing zip?'),
      customer('97214'),
      agent('approved, your work order is W O 5 5 1 0 2'),
    );
    assert.deepEqual(foundOfType(transcript, 'POSTAL_CODE'), ['POSTAL_CODE:97214']);
  });
});
