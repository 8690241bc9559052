/**
 * The flux axis's tick labels as uPlot's default writes them in English (Intl.NumberFormat:
 * at most 3 decimals, thousands grouped by commas), without Intl: the page's first Intl object
 * loads ICU's locale data, tens of ms on the main thread before the first spectrum is drawn
 * (scripts/viteStartPlugins.ts). The flux axis has no other use for a locale.
 */
export function fluxLabel(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '';
  const fixed = Math.abs(v).toFixed(3).replace(/\.?0+$/, '');
  const [whole = '0', decimals] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = v < 0 && fixed !== '0' ? '-' : '';
  return sign + grouped + (decimals ? `.${decimals}` : '');
}
