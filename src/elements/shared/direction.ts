/**
 * The writing direction of a language tag. `Intl.Locale`'s text info is not in every browser yet,
 * so this lists what is written right to left: a script subtag decides (`sd-Deva` is left to
 * right, `pa-Arab` right to left), else the language does.
 */
export function directionOf(lang = ''): 'rtl' | 'ltr' {
  const script = /-([a-z]{4})(-|$)/i.exec(lang)?.[1];
  const rtl = script
    ? /^(arab|hebr|thaa|syrc|nkoo|adlm|rohg)$/i.test(script)
    : /^(ar|arc|ckb|dv|fa|he|iw|ps|sd|syr|ug|ur|yi)(-|$)/i.test(lang);
  return rtl ? 'rtl' : 'ltr';
}
