import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

describe('toolchain', () => {
  it('runs TypeScript in Chromium', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await sendKeys({ type: 'ab' });
    expect(input.value).to.equal('ab');
    expect(navigator.userAgent).to.contain('Chrome');
  });
});
