// Which clients share a rate-limit budget. One IPv6 subscriber holds a whole /64 (2^64
// addresses) and can pick a new one per request, so per-address counting would limit no one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeReceipt } from './helpers.js';
import { inProcessApp } from './in-process.js';
import { subscription } from './newsletter-server.js';

describe('rate-limit key', () => {
  it('counts every IPv6 address of one /64 as one client, and an IPv4-mapped address as its IPv4', async () => {
    const { app, close } = await inProcessApp({ RATE_LIMIT_MAX: '2' });
    const receipt = (remoteAddress: string): Promise<number> =>
      app
        .inject({ method: 'POST', url: '/api/consent/receipts', payload: makeReceipt(), remoteAddress })
        .then((response) => response.statusCode);
    try {
      const statuses = [];
      for (const address of ['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff:ffff:ffff:fffe'])
        statuses.push(await receipt(address));
      assert.deepEqual(statuses, [201, 201, 429], 'one /64, one budget');
      assert.equal(await receipt('2001:db8:1:3::1'), 201, 'the next /64 is another client');
      const mapped = [];
      for (const address of ['::ffff:192.0.2.7', '192.0.2.7', '::ffff:192.0.2.7'])
        mapped.push(await receipt(address));
      assert.deepEqual(mapped, [201, 201, 429], 'an IPv4 address, however spelled, is one client');
      assert.equal(await receipt('192.0.2.8'), 201);
    } finally {
      await close();
    }
  });

  it('limits confirmation mails per /64 too', async () => {
    const { app, close } = await inProcessApp({ MAIL_RATE_LIMIT_PER_HOUR: '2' });
    const subscribe = (email: string, remoteAddress: string): Promise<number> =>
      app
        .inject({
          method: 'POST',
          url: '/api/newsletter/subscribe',
          payload: subscription(email),
          remoteAddress,
        })
        .then((response) => response.statusCode);
    try {
      const statuses = [];
      for (let i = 1; i <= 3; i++)
        statuses.push(await subscribe(`jan+${i}@example.org`, `2001:db8:9:9::${i}`));
      assert.deepEqual(statuses, [202, 202, 429]);
    } finally {
      await close();
    }
  });
});
