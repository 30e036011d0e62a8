// Turns samples into the markdown tables printed by `npm run bench` and written to bench/results.md.

/** Median of a non-empty list of numbers (mean of the middle two for even lengths). */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Summary of one measure over the samples: median, min, max, or null when no sample has it.
 * @param {number[]} values
 */
export function summarize(values) {
  const xs = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (!xs.length) return null;
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
}

/** The measures in table order: key in a sample, column title, formatter of one value. */
export const MEASURES = [
  {
    key: 'firstBytes',
    title: 'First visit JS+CSS (KB br)',
    fmt: (v) => (v / 1024).toFixed(1),
    lowerIsBetter: true,
  },
  {
    key: 'returnBytes',
    title: 'Returning visit JS+CSS (KB br)',
    fmt: (v) => (v / 1024).toFixed(1),
    lowerIsBetter: true,
  },
  { key: 'bannerMs', title: 'Banner visible (ms)', fmt: (v) => v.toFixed(0), lowerIsBetter: true },
  { key: 'cls', title: 'CLS', fmt: (v) => v.toFixed(3), lowerIsBetter: true },
  { key: 'longTaskMs', title: 'Long tasks (ms)', fmt: (v) => v.toFixed(0), lowerIsBetter: true },
  { key: 'gaReturnMs', title: 'GA runs, returning (ms)', fmt: (v) => v.toFixed(0), lowerIsBetter: true },
  {
    key: 'heapBytes',
    title: 'JS heap after banner (MB)',
    fmt: (v) => (v / 1048576).toFixed(2),
    lowerIsBetter: true,
  },
];

/** "median (min–max)", or just the median when all runs agree, or "—". */
export function cell(summary, fmt) {
  if (!summary) return '—';
  const med = fmt(summary.median);
  const lo = fmt(summary.min);
  const hi = fmt(summary.max);
  return lo === hi ? med : `${med} (${lo}–${hi})`;
}

/**
 * @typedef {{ lib: import('./libraries.mjs').Library, throttle: number,
 *   samples: import('./measure.mjs').Sample[], errors: string[] }} Group
 */

/** The main table: one row per library × CPU throttling. */
export function resultsTable(groups) {
  const head = ['Library', 'CPU', ...MEASURES.map((m) => m.title), 'Analytics before consent', 'Runs ok'];
  const rows = groups.map((g) => {
    const cells = MEASURES.map((m) => cell(summarize(g.samples.map((s) => s[m.key])), m.fmt));
    const leaks = g.lib.baseline ? 'n/a (no consent)' : leakCell(g);
    return [
      g.lib.name,
      g.throttle > 1 ? `${g.throttle}× slower` : '1×',
      ...cells,
      leaks,
      `${g.samples.length}/${g.samples.length + g.errors.length}`,
    ];
  });
  return markdownTable(head, rows);
}

function leakCell(g) {
  const runs = g.samples.filter((s) => s.analyticsBeforeConsent.length > 0).length;
  if (!runs) return 'none';
  const max = Math.max(...g.samples.map((s) => s.analyticsBeforeConsent.length));
  return `**YES** in ${runs}/${g.samples.length} runs (up to ${max} req.)`;
}

/** The README's short table: medians only. */
export function compactTable(groups) {
  const head = ['Library', 'CPU', ...MEASURES.map((m) => m.title), 'Analytics before consent'];
  const rows = groups.map((g) => [
    g.lib.name,
    g.throttle > 1 ? `${g.throttle}×` : '1×',
    ...MEASURES.map((m) => {
      const s = summarize(g.samples.map((x) => x[m.key]));
      return s ? m.fmt(s.median) : '—';
    }),
    g.lib.baseline ? 'n/a' : g.samples.some((x) => x.analyticsBeforeConsent.length) ? '**yes**' : 'none',
  ]);
  return markdownTable(head, rows);
}

/** Our median divided by the best peer's median, per measure and throttling (below 1 = we are better). */
export function ratioTable(groups) {
  const throttles = [...new Set(groups.map((g) => g.throttle))];
  const head = ['Measure', ...throttles.map((t) => `ours / best peer (${t > 1 ? `${t}×` : '1×'})`)];
  const ourIds = [...new Set(groups.filter((g) => g.lib.ours).map((g) => g.lib.id))];
  const rows = [];
  for (const ourId of ourIds) {
    for (const m of MEASURES) {
      const row = [
        `${m.title}${ourIds.length > 1 ? ` — ${groups.find((g) => g.lib.id === ourId)?.lib.name}` : ''}`,
      ];
      for (const t of throttles) {
        const ours = groups.find((g) => g.lib.id === ourId && g.throttle === t);
        const peers = groups.filter((g) => !g.lib.ours && !g.lib.baseline && g.throttle === t);
        const o = ours && summarize(ours.samples.map((s) => s[m.key]));
        const scored = peers
          .map((p) => ({ name: p.lib.name, s: summarize(p.samples.map((x) => x[m.key])) }))
          .filter((p) => p.s);
        if (!o || !scored.length) {
          row.push('—');
          continue;
        }
        const best = scored.reduce((a, b) => (b.s.median < a.s.median ? b : a));
        const ratio =
          best.s.median === 0 ? (o.median === 0 ? '1.00' : '∞') : (o.median / best.s.median).toFixed(2);
        row.push(`${ratio} (${m.fmt(o.median)} vs ${best.name} ${m.fmt(best.s.median)})`);
      }
      rows.push(row);
    }
  }
  return markdownTable(head, rows);
}

/** What each library fetched on the first and the returning visit (from the unthrottled runs). */
export function filesTable(groups) {
  const head = [
    'Library',
    'First visit: files (brotli bytes)',
    'First total',
    'Returning visit: files',
    'Returning total',
  ];
  const rows = [];
  for (const g of groups.filter((x) => x.throttle === Math.min(...groups.map((y) => y.throttle)))) {
    const s = g.samples[0];
    if (!s) continue;
    const list = (files) =>
      files.length ? files.map((f) => `${f.path.split('/').pop()} ${f.br}`).join(', ') : '—';
    rows.push([
      g.lib.name,
      list(s.firstFiles),
      String(s.firstBytes),
      list(s.returnFiles),
      String(s.returnBytes),
    ]);
  }
  return markdownTable(head, rows);
}

/** Libraries that sent analytics requests before consent, with the first URLs seen. */
export function leakReport(groups) {
  const lines = [];
  for (const g of groups) {
    if (g.lib.baseline) continue;
    const urls = [...new Set(g.samples.flatMap((s) => s.analyticsBeforeConsent))];
    if (urls.length)
      lines.push(
        `- **${g.lib.name}** (${g.throttle}×): ${urls
          .slice(0, 3)
          .map((u) => `\`${u}\``)
          .join(', ')}`,
      );
  }
  return lines.length
    ? lines.join('\n')
    : '- none: no library sent a request to a Google or Adobe host before consent.';
}

/** A GitHub markdown table; pipes in cells are escaped. */
export function markdownTable(head, rows) {
  const esc = (c) => String(c).replace(/\|/g, '\\|');
  return [
    `| ${head.map(esc).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
