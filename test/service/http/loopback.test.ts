/** Which listen addresses keep the API on this machine (the composer's rule for running without keys). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoopbackHost } from '../../../src/service/http/app.js';

test('loopback hosts: localhost, 127/8, ::1 and IPv4-mapped loopback; nothing else', () => {
  for (const host of [
    'localhost',
    'LOCALHOST.',
    '127.0.0.1',
    '127.8.9.10',
    '::1',
    '[::1]',
    '::ffff:127.0.0.1',
  ])
    assert.equal(isLoopbackHost(host), true, host);
  for (const host of [
    '0.0.0.0',
    '::',
    '',
    '10.0.0.1',
    '192.168.1.2',
    'example.com',
    'localhost.example.com',
    '::ffff:10.0.0.1',
  ])
    assert.equal(isLoopbackHost(host), false, host);
});
