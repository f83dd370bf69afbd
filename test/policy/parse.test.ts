import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePolicy } from '../../src/policy/index.js';
import { DEFAULT_POLICY } from '../../src/core/policy.js';
import { HushError } from '../../src/errors.js';

/** Asserts parsing fails with POLICY_INVALID and a message matching every pattern. */
function rejects(text: string, origin: string, ...patterns: RegExp[]): void {
  assert.throws(
    () => parsePolicy(text, origin),
    (error: unknown) => {
      assert.ok(error instanceof HushError);
      assert.equal(error.code, 'POLICY_INVALID');
      assert.ok(error.message.startsWith(`${origin}: `), error.message);
      for (const pattern of patterns) assert.match(error.message, pattern);
      return true;
    },
  );
}

describe('parsePolicy: Hush policies', () => {
  test('YAML and JSON give the same policy, defaults filled in', () => {
    const yaml = parsePolicy('exclude: [PERSON_NAME]\nregions:\n  paddingBeforeMs: 400\n', 'p.yaml');
    const json = parsePolicy('{"exclude": ["PERSON_NAME"], "regions": {"paddingBeforeMs": 400}}', 'p.json');
    assert.deepEqual(yaml, json);
    assert.equal(yaml.regions.paddingBeforeMs, 400);
    assert.equal(yaml.regions.paddingAfterMs, DEFAULT_POLICY.regions.paddingAfterMs);
    assert.equal(yaml.redaction.style, 'label');
  });

  test('a custom entity can be included and restyled by name', () => {
    const policy = parsePolicy(
      [
        'include: [CREDIT_CARD, EMPLOYEE_ID]',
        'custom:',
        '  - name: EMPLOYEE_ID',
        '    patterns: ["E\\\\d{6}"]',
        'redaction:',
        '  styleByType: { EMPLOYEE_ID: mask }',
      ].join('\n'),
      'p.yaml',
    );
    assert.deepEqual(policy.include, ['CREDIT_CARD', 'EMPLOYEE_ID']);
    assert.equal(policy.custom[0]!.category, 'PII');
  });

  test('a wrong type names the file and the field path', () => {
    rejects(
      'regions:\n  paddingBeforeMs: lots\n',
      'policy.yaml',
      /at regions\.paddingBeforeMs: expected a number, found a string/,
    );
  });

  test('unknown keys are rejected at every level', () => {
    rejects('regoins: {}\n', 'policy.yaml', /at regoins: unknown key/);
    rejects('redaction:\n  colour: red\n', 'policy.yaml', /at redaction\.colour: unknown key/);
  });

  test('every problem is listed', () => {
    rejects(
      '{"minScore": 2, "pciStrict": "yes"}',
      'policy.json',
      /2 problems/,
      /at minScore: must be at most 1/,
      /at pciStrict: expected true or false/,
    );
  });

  test('unknown entity types in include, exclude, replacements and styleByType are rejected', () => {
    rejects(
      'include: [CREDIT_CARD, CREDITCARD]\n',
      'p.yaml',
      /at include\[1\]: unknown entity type "CREDITCARD"/,
    );
    rejects('exclude: [NAME]\n', 'p.yaml', /at exclude\[0\]: unknown entity type "NAME"/);
    rejects(
      'redaction:\n  replacements: { SSN: X }\n',
      'p.yaml',
      /at redaction\.replacements\.SSN: unknown entity type/,
    );
    rejects(
      'redaction:\n  styleByType: { CARD: mask }\n',
      'p.yaml',
      /at redaction\.styleByType\.CARD: unknown/,
    );
  });

  test('an invalid custom pattern names the entity, not the pattern', () => {
    rejects(
      'custom:\n  - name: TICKET_ID\n    patterns: ["T-(\\\\d+"]\n',
      'p.yaml',
      /at custom\[0\]\.patterns\[0\]: invalid regular expression for TICKET_ID/,
    );
  });

  test('custom names must not shadow built-ins or repeat', () => {
    rejects(
      'custom:\n  - name: CREDIT_CARD\n    words: [x]\n',
      'p.yaml',
      /at custom\[0\]\.name: "CREDIT_CARD" is a built-in type/,
    );
    rejects(
      'custom:\n  - { name: TICKET, words: [a] }\n  - { name: TICKET, words: [b] }\n',
      'p.yaml',
      /at custom\[1\]\.name: "TICKET" is defined twice/,
    );
  });

  test('malformed files name the place', () => {
    rejects('a: 1\na: 2\n', 'p.yaml', /not valid YAML at line 2, column 1 \(duplicate key\)/);
    rejects('{"minScore": 0.5,, }', 'p.json', /malformed JSON at line 1/);
    rejects('{"minScore": ', 'p.json', /ends early/);
    rejects('   \n', 'p.yaml', /empty/);
    rejects('just words', 'p.yaml', /at \(top level\): expected a mapping/);
  });

  test('the messages quote no values from the file', () => {
    rejects('allow: "4111111111111111"\n', 'p.yaml', /at allow: expected a list, found a string/);
    assert.throws(
      () => parsePolicy('allow: "4111111111111111"\n', 'p.yaml'),
      (error: Error) => !error.message.includes('4111'),
    );
  });
});

describe('parsePolicy: Symbl redaction settings', () => {
  const patch = (value: unknown) => JSON.stringify([{ op: 'add', path: '/redaction', value }]);

  test('the JSON Patch body and the bare object load the same way', () => {
    const value = { default: true, type: 'obfuscation', exclude: ['PERSON_NAME'] };
    const fromPatch = parsePolicy(patch(value), 'symbl.json');
    assert.deepEqual(fromPatch, parsePolicy(JSON.stringify({ redaction: value }), 'symbl.json'));
    assert.deepEqual(fromPatch.exclude, ['PERSON_NAME']);
    assert.equal(fromPatch.redaction.style, 'mask');
    assert.equal(fromPatch.redaction.maskChar, '*');
  });

  test('type default is the label style; Symbl names map to Hush types', () => {
    const policy = parsePolicy(
      patch({ type: 'default', exclude: ['SSN', 'email', 'Date of Birth'] }),
      's.json',
    );
    assert.equal(policy.redaction.style, 'label');
    assert.deepEqual(policy.exclude, ['US_SSN', 'US_SSN_LAST4', 'EMAIL_ADDRESS', 'DATE_OF_BIRTH']);
  });

  test('custom: replacements per type, "obfuscation" masks, default covers the rest', () => {
    const policy = parsePolicy(
      patch({
        type: 'custom',
        custom: { SSN: 'XXX', CREDIT_CARD_NUMBER: 'obfuscation', default: '[redacted]' },
      }),
      's.json',
    );
    assert.equal(policy.redaction.style, 'custom');
    assert.equal(policy.redaction.replacements.default, '[redacted]');
    assert.equal(policy.redaction.replacements.US_SSN, 'XXX');
    assert.equal(policy.redaction.styleByType.US_SSN, 'custom');
    assert.equal(policy.redaction.styleByType.CREDIT_CARD, 'mask');
    assert.equal(policy.redaction.replacements.CREDIT_CARD, undefined);
  });

  test('custom with default "obfuscation" masks everything not named', () => {
    const policy = parsePolicy(
      patch({ type: 'custom', custom: { SSN: 'XXX', default: 'obfuscation' } }),
      's.json',
    );
    assert.equal(policy.redaction.style, 'mask');
    assert.equal(policy.redaction.styleByType.US_SSN, 'custom');
  });

  test('entities Hush does not detect are accepted and change nothing', () => {
    const policy = parsePolicy(patch({ type: 'default', exclude: ['AGE', 'SWIFT_CODE'] }), 's.json');
    assert.deepEqual(policy.exclude, []);
  });

  test('unknown names, other settings paths and stray fields are rejected with their place', () => {
    rejects(
      patch({ exclude: ['SHOE_SIZE'] }),
      's.json',
      /at \[0\]\.value\.exclude\[0\]: unknown Symbl entity type "SHOE_SIZE"/,
    );
    rejects(JSON.stringify([{ op: 'add', path: '/summary', value: {} }]), 's.json', /at \[0\]\.path/);
    rejects(
      JSON.stringify({ redaction: { type: 'default', style: 'mask' } }),
      's.json',
      /at redaction\.style: unknown key/,
      /Symbl/,
    );
    rejects(
      patch({ type: 'default', custom: { SSN: 'X' } }),
      's.json',
      /"custom" replacements apply only with "type": "custom"/,
    );
  });
});
