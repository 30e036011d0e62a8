// The newsletter's mails as configured: in the subscriber's language, linking to the address the
// server really listens on without PUBLIC_URL, and a clear 503 when mail cannot be sent.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readOutbox, removeDir, send, startServer, tempDir } from './helpers.js';
import { api, mailsTo, subscription, useNewsletterServer } from './newsletter-server.js';

useNewsletterServer();

describe('newsletter mail language', () => {
  it('writes English mails with links to the English page for language "en-GB"', async () => {
    await send(`${api}/subscribe`, subscription('english@example.org', { language: 'en-GB' }));
    const [mail] = mailsTo('english@example.org');
    assert.match(mail?.headers ?? '', /Subject: Please confirm/);
    assert.match(mail?.text ?? '', /https:\/\/www\.example\.org\/en\/nieuwsbrief\.html\?token=/);
  });
});

describe('mail links without PUBLIC_URL', () => {
  it('point to the port the server really listens on, also with PORT=0', async () => {
    const local = await startServer({ PORT: '0' });
    try {
      await send(`${local.url}/api/newsletter/subscribe`, subscription('port@example.org'));
      const [mail] = readOutbox(join(local.dataDir, 'outbox'));
      const port = new URL(local.url).port;
      assert.notEqual(port, '0');
      assert.match(mail?.text ?? '', new RegExp(`http://localhost:${port}/nieuwsbrief\\.html\\?token=`));
      assert.doesNotMatch(mail?.text ?? '', /localhost:0\//);
    } finally {
      await local.stop();
      removeDir(local.dataDir);
    }
  });
});

describe('newsletter when mail cannot be sent', () => {
  it('answers 503 unavailable with Retry-After, so the form can say "try again"', async () => {
    // The outbox cannot be created inside a regular file: every send fails.
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const broken = await startServer({ OUTBOX_DIR: join(file, 'outbox') });
    try {
      const response = await send(
        `${broken.url}/api/newsletter/subscribe`,
        subscription('nomail@example.org'),
      );
      assert.equal(response.status, 503);
      assert.equal((response.body as { error: string }).error, 'unavailable');
      assert.equal(response.headers.get('retry-after'), '60');
      assert.doesNotMatch(JSON.stringify(response.body), /ENOTDIR|a-file/, 'no internal detail leaks');
    } finally {
      await broken.stop();
      removeDir(broken.dataDir);
      removeDir(dir);
    }
  });
});
