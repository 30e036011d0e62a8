/**
 * Calendar dates written `YYYY-MM-DD` (statement revisions, "last changed" lines), shown to
 * visitors as a long date in their language with the platform's `Intl.DateTimeFormat`.
 */

/** Is this a real calendar date written `YYYY-MM-DD`? */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * `2018-06-18` as a long date in `lang` ("18 juni 2018"); the input itself if that fails. English
 * is British English ("18 June 2018"), as the texts are, not the platform's US default.
 */
export function formatDate(isoDate: string, lang: string): string {
  try {
    const date = new Date(`${isoDate}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return isoDate;
    return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(date);
  } catch {
    return isoDate;
  }
}
