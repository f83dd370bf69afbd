import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { abaValid } from '../../src/core/recognizers/validators/aba.js';
import { birthDateFits } from '../../src/core/recognizers/validators/date.js';
import { expiryDigitsValid } from '../../src/core/recognizers/validators/expiry.js';
import { ibanValid } from '../../src/core/recognizers/validators/iban.js';
import { cardBrand } from '../../src/core/recognizers/validators/iin.js';
import { luhnValid } from '../../src/core/recognizers/validators/luhn.js';
import { ssnValid } from '../../src/core/recognizers/validators/ssn.js';

describe('validators', () => {
  test('luhn', () => {
    assert.equal(luhnValid('4111111111111111'), true);
    assert.equal(luhnValid('4111111111111112'), false);
    assert.equal(luhnValid('378282246310005'), true);
    assert.equal(luhnValid(''), false);
    assert.equal(luhnValid('41x1'), false);
  });

  test('card brands by IIN and length', () => {
    const brands: [string, string | undefined][] = [
      ['4111111111111111', 'visa'],
      ['5555555555554444', 'mastercard'],
      ['2221000000000009', 'mastercard'],
      ['378282246310005', 'amex'],
      ['6011111111111117', 'discover'],
      ['3530111333300000', 'jcb'],
      ['30569309025904', 'diners'],
      ['6200000000000005', 'unionpay'],
      ['6759649826438453', 'maestro'],
      ['9111111111111111', undefined],
      ['37828224631000', undefined],
    ];
    for (const [number, brand] of brands) assert.equal(cardBrand(number)?.name, brand, number);
  });

  test('ABA routing numbers', () => {
    assert.equal(abaValid('021000021'), true);
    assert.equal(abaValid('011000015'), true);
    assert.equal(abaValid('021000022'), false);
    assert.equal(abaValid('991000021'), false);
    assert.equal(abaValid('02100002'), false);
  });

  test('IBAN', () => {
    assert.equal(ibanValid('GB82WEST12345698765432'), true);
    assert.equal(ibanValid('DE89370400440532013000'), true);
    assert.equal(ibanValid('GB82WEST12345698765433'), false);
    assert.equal(ibanValid('GB82WEST1234569876543'), false);
    assert.equal(ibanValid('XX82WEST12345698765432'), false);
  });

  test('SSN structure', () => {
    assert.equal(ssnValid('123456789'), true);
    for (const bad of ['000456789', '666456789', '900456789', '123006789', '123450000', '12345678']) {
      assert.equal(ssnValid(bad), false, bad);
    }
  });

  test('expiry digits', () => {
    for (const good of ['0427', '427', '1226', '042027']) assert.equal(expiryDigitsValid(good), true, good);
    for (const bad of ['1327', '0027', '27', '12345']) assert.equal(expiryDigitsValid(bad), false, bad);
  });

  test('birth dates', () => {
    const year = 2025;
    for (const good of [
      'march 3 1985',
      'the 3 of march 85',
      '03/03/1985',
      '3 3 1985',
      '03031985',
      '1985-03-03',
      'march 1985',
      'march 31985',
    ]) {
      assert.equal(birthDateFits(good, year), true, good);
    }
    for (const bad of ['february 30 1985', 'march 3 2030', '13/13/1985', '3 2199', 'march 3 1899']) {
      assert.equal(birthDateFits(bad, year), false, bad);
    }
  });
});
