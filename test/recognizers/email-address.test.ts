import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { agent, call, customer, detectIn, foundOfType } from './conversation.js';

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

  test('a local part ending one turn and "at" its host starting the next, after a backchannel', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('which email should the receipt go to?'),
          customer('it is pia dot lund'),
          agent('uh huh'),
          customer('at fastmail dot fm'),
        ),
        'EMAIL_ADDRESS',
      ),
      ['EMAIL_ADDRESS:pia dot lund|at fastmail.fm'],
    );
    assert.deepEqual(
      foundOfType(
        call(customer('k varga eighty at'), agent('yep'), customer('outlook dot com, thanks')),
        'EMAIL_ADDRESS',
      ),
      ['EMAIL_ADDRESS:k varga 80 at|outlook.com'],
    );
  });

  test('negatives: "at" a host across a turn after ordinary words', () => {
    assert.deepEqual(
      foundOfType(
        call(customer('I bought it at'), agent('okay'), customer('shopwise dot com')),
        'EMAIL_ADDRESS',
      ),
      [],
    );
  });

  test('negatives: a bare @ or a handle without a domain', () => {
    assert.deepEqual(foundOfType(call(customer('meet me @ noon')), 'EMAIL_ADDRESS'), []);
    assert.deepEqual(foundOfType(call(customer('find us @hushcalls')), 'EMAIL_ADDRESS'), []);
  });
});

describe('EMAIL_ADDRESS: the local part said again on its own', () => {
  test('written, spelled or with its joiners said, by either party', () => {
    assert.deepEqual(
      foundOfType(
        call(customer('my email is kit underscore varga at icloud dot com'), agent('kit_varga, thank you')),
        'EMAIL_ADDRESS',
      ),
      ['EMAIL_ADDRESS:kit_varga@icloud.com', 'EMAIL_ADDRESS:kit_varga'],
    );
    assert.deepEqual(
      foundOfType(
        call(
          customer('it is mira holt at proton mail dot com'),
          agent('can you spell the first bit?'),
          customer('M I R A H O L T'),
        ),
        'EMAIL_ADDRESS',
      ),
      ['EMAIL_ADDRESS:miraholt@protonmail.com', 'EMAIL_ADDRESS:MIRAHOLT'],
    );
  });

  test('a written address whose at sign the engine set apart', () => {
    for (const said of [
      'lorne.abbot @ fastmail.com',
      'lorne.abbot@ fastmail.com',
      'lorne.abbot @fastmail.com',
    ]) {
      const transcript = call(agent('your email?'), customer(`sure, ${said} thanks`));
      assert.deepEqual(foundOfType(transcript, 'EMAIL_ADDRESS'), [`EMAIL_ADDRESS:${said}`]);
      assert.deepEqual(
        detectIn(transcript).entities.map((entity) => entity.value),
        ['lorne.abbot@fastmail.com'],
      );
    }
  });

  test('negatives: an ordinary word that is also a local part', () => {
    assert.deepEqual(
      foundOfType(
        call(
          agent('send the photos to claims at harbour cover dot com'),
          customer('okay, and the claims team will call?'),
        ),
        'EMAIL_ADDRESS',
      ),
      ['EMAIL_ADDRESS:claims@harbourcover.com'],
    );
  });
});
