// Google Analytics set-up for the demo. Loaded as blocked content (data-consent="google-analytics"),
// so it runs only after consent; a file rather than an inline script keeps the page under a CSP
// without 'unsafe-inline'. window.gtag is the stub the privacy-kit loader defines first.
window.gtag('js', new Date());
window.gtag('config', 'G-DEMO0000');
