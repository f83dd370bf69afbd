import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { call, customer, foundOfType } from './conversation.js';

describe('EMAIL_ADDRESS', () => {
  test('spoken and written forms', () => {
    assert.deepEqual(
      foundOfType(call(customer('my email is john dot smith at gmail dot com')), 'EMAIL_ADDRESS'),
      ['EMAIL_ADDRESS:john.smith@gmail.com'],
    );
    assert.deepEqual(
      foundOfType(call(customer('send it to Jane_Doe+calls@example.co.uk please')), 'EMAIL_ADDRESS'),
      ['EMAIL_ADDRESS:Jane_Doe+calls@example.co.uk'],
    );
  });

  test('negatives: a bare @ or a handle without a domain', () => {
    assert.deepEqual(foundOfType(call(customer('meet me @ noon')), 'EMAIL_ADDRESS'), []);
    assert.deepEqual(foundOfType(call(customer('find us @hushcalls')), 'EMAIL_ADDRESS'), []);
  });
});
