/**
 * Measuring a focus indicator the way WCAG 1.4.11 does: every ring of it is compared with the
 * colours next to it (technique C40: of a two-colour indicator, one ring must stand out from
 * both of its neighbours by 3:1).
 */

/** [r, g, b] of a computed `rgb(…)` / `rgba(…)` colour. */
export function rgb(colour: string): [number, number, number] {
  const parts = colour.match(/[\d.]+/g)?.map(Number);
  if (!parts || parts.length < 3) throw new Error(`not an rgb colour: ${colour}`);
  return [parts[0]!, parts[1]!, parts[2]!];
}

/** WCAG 2 relative luminance. */
function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two computed colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** A ring of the indicator and the colours on either side of it. */
export interface Ring {
  readonly name: string;
  readonly colour: string;
  readonly width: number;
  readonly outside: string;
  readonly inside: string;
}

/**
 * The rings a focused `el` draws on `page` (the colour behind it), from the outside in: its
 * outline, and a box-shadow ring filling the gap `outline-offset` leaves (else the page shows
 * there).
 */
export function focusRings(el: Element, page: string): Ring[] {
  const style = getComputedStyle(el);
  const offset = parseFloat(style.outlineOffset);
  const halo = style.boxShadow.match(/^(rgba?\([^)]*\)) 0px 0px 0px ([\d.]+)px/);
  const haloWidth = halo ? parseFloat(halo[2]!) : 0;
  const gap = halo && haloWidth >= offset ? halo[1]! : page;
  const rings: Ring[] = [
    {
      name: 'outline',
      colour: style.outlineColor,
      width: parseFloat(style.outlineWidth),
      outside: page,
      inside: offset > 0 ? gap : style.backgroundColor,
    },
  ];
  if (halo && offset > 0) {
    rings.push({
      name: 'halo',
      colour: halo[1]!,
      width: Math.min(haloWidth, offset),
      outside: style.outlineColor,
      inside: style.backgroundColor,
    });
  }
  return rings;
}

/** The best contrast any ring of at least 2px reaches against both of its neighbours. */
export function indicatorContrast(rings: readonly Ring[]): number {
  return Math.max(
    0,
    ...rings
      .filter((ring) => ring.width >= 2)
      .map((ring) => Math.min(contrast(ring.colour, ring.outside), contrast(ring.colour, ring.inside))),
  );
}
