import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, found, foundOfType } from './conversation.js';

describe('BANK_ACCOUNT', () => {
  test('digits after an account-number question or cue', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('and the account number'), customer('one two three four five six seven eight')),
        'BANK_ACCOUNT',
      ),
      ['BANK_ACCOUNT:12345678'],
    );
    assert.deepEqual(foundOfType(call(customer('my checking account is 000123456789')), 'BANK_ACCOUNT'), [
      'BANK_ACCOUNT:000123456789',
    ]);
  });

  test('negatives: no account cue, too short, an order number', () => {
    assert.deepEqual(foundOfType(call(customer('it is 12345678')), 'BANK_ACCOUNT'), []);
    assert.deepEqual(foundOfType(call(agent('account number'), customer('12345')), 'BANK_ACCOUNT'), []);
    assert.deepEqual(
      foundOfType(call(customer('the account number on the order number 12345678')), 'BANK_ACCOUNT'),
      [],
    );
  });
});

describe('ROUTING_NUMBER', () => {
  test('ABA-valid nine digits after a routing question', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('the routing number please'), customer('oh two one oh oh oh oh two one')),
        'ROUTING_NUMBER',
      ),
      ['ROUTING_NUMBER:021000021'],
    );
  });

  test('right after a bank account number', () => {
    const transcript = call(customer('account number 12345678 and 011000015'));
    assert.deepEqual(found(transcript), ['BANK_ACCOUNT:12345678', 'ROUTING_NUMBER:011000015']);
  });

  test('negatives: a failing checksum, no routing context', () => {
    assert.deepEqual(foundOfType(call(agent('routing number'), customer('021000022')), 'ROUTING_NUMBER'), []);
    assert.deepEqual(foundOfType(call(customer('it is 021000021')), 'ROUTING_NUMBER'), []);
  });
});

describe('IBAN', () => {
  test('written and spelled, spaces between groups', () => {
    assert.deepEqual(foundOfType(call(customer('my iban is GB82 WEST 1234 5698 7654 32')), 'IBAN'), [
      'IBAN:GB82 WEST 1234 5698 7654 32',
    ]);
    const spelled = call(
      customer(
        'it is G B eight two W E S T one two three four five six nine eight seven six five four three two',
      ),
    );
    assert.equal(foundOfType(spelled, 'IBAN').length, 1);
    assert.deepEqual(foundOfType(call(customer('DE89370400440532013000 thanks')), 'IBAN'), [
      'IBAN:DE89370400440532013000',
    ]);
  });

  test('a misheard character still counts after an IBAN cue, not without', () => {
    assert.equal(foundOfType(call(customer('the iban is GB82 WEST 1234 5698 7654 33')), 'IBAN').length, 1);
    assert.deepEqual(foundOfType(call(customer('GB82 WEST 1234 5698 7654 33')), 'IBAN'), []);
  });
});

describe('SORT_CODE', () => {
  test('six digits after a sort-code cue', () => {
    assert.deepEqual(
      foundOfType(
        call(agent('what is your sort code'), customer('twelve thirty four fifty six')),
        'SORT_CODE',
      ),
      ['SORT_CODE:123456'],
    );
    assert.deepEqual(foundOfType(call(customer('sort code 12-34-56')), 'SORT_CODE'), ['SORT_CODE:12-34-56']);
  });

  test('negatives: no cue, a date-like group', () => {
    assert.deepEqual(foundOfType(call(customer('12-34-56')), 'SORT_CODE'), []);
    assert.deepEqual(foundOfType(call(customer('room 12 34 56')), 'SORT_CODE'), []);
  });
});
