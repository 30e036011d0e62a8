// Google Analytics set-up for the demo. Loaded as blocked content (data-consent="google-analytics"),
// so it runs only after consent; a file rather than an inline script keeps the page under a CSP
// without 'unsafe-inline'. window.gtag is the stub the privacy-kit loader defines first.
window.gtag('js', new Date());
// Newsletter mail links carry a secret ?token=. <privacy-newsletter> takes it out of the address
// bar, but on a return visit (consent already given) this may run first: report the address
// without it, so the token never reaches Google as page_location.
{
  const pageLocation = new URL(location.href);
  pageLocation.searchParams.delete('token');
  pageLocation.searchParams.delete('action');
  window.gtag('config', 'G-DEMO0000', { page_location: pageLocation.href });
}
