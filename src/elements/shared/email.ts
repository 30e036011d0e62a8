/**
 * The one rule for an e-mail address that becomes a `mailto:` link (a statement's contact block,
 * the access-request mail). Mail clients percent-decode the address part of a `mailto:` URL and
 * read `,` and `;` as recipient separators, `?` `&` `=` as headers, and `<>` `"` `()` as
 * display names and comments: an address with any of them, `%`, or whitespace could send the
 * visitor's request to someone else as well. So only a plain `local@domain.tld` passes; the rare
 * real address that needs quoting or percent-encoding cannot be used here.
 */

const PLAIN_EMAIL =
  /^[^\s\p{Cc}@%,;<>"()?&=#/:\\[\]]+@(?:[^\s\p{Cc}@%,;<>"()?&=#/:\\[\].]+\.)+[^\s\p{Cc}@%,;<>"()?&=#/:\\[\].]+$/u;

/** Is `value` one plain address (`privacy@example.org`) that a `mailto:` link cannot turn into more? */
export function isPlainEmail(value: string): boolean {
  return PLAIN_EMAIL.test(value);
}
