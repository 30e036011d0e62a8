/**
 * Which token `<privacy-newsletter>` acts on when more than one is offered.
 */
import { expect } from '@open-wc/testing';
import { FakeNewsletterServer } from './fake-server.js';
import { mount, reach, text } from './helpers.js';

describe('<privacy-newsletter> with a token both as an attribute and in the page address', () => {
  const original = location.href;
  afterEach(() => {
    history.replaceState(null, '', original);
    sessionStorage.clear();
  });

  it("acts on the attribute's token and action, not the address's", async () => {
    const server = new FakeNewsletterServer();
    const fromAttribute = server.addSubscriber('jan@example.org');
    const fromAddress = server.addSubscriber('piet@example.org');
    history.replaceState(null, '', `?token=${fromAddress}&action=unsubscribe`);
    const { el } = await mount({ server, token: fromAttribute, action: 'manage' });
    await reach(el, 'manage');
    expect(server.requestsTo('/preferences').map((r) => r.body.token)).to.deep.equal([fromAttribute]);
    expect(text(el, '[part="subscriber"]')).to.equal('Aangemeld met j***@example.org');
    // Neither address was unsubscribed: the address's action did not win either.
    expect(server.requestsTo('/unsubscribe')).to.have.length(0);
    expect(server.subscriber('piet@example.org')?.status).to.equal('confirmed');
    expect(server.subscriber('jan@example.org')?.status).to.equal('confirmed');
  });
});
