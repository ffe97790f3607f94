// Log-log chart geometry shared by the server render and the in-page script of CostChart.astro,
// so the first paint (no JavaScript yet) and every redraw draw the same picture.
import type { Point } from './cost-model.ts';

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export const RATE_MIN = 0.01;
export const RATE_MAX = 1000;

export function frameFor(points: Point[], width = 640, height = 340): Frame {
  const costs = points.flatMap((p) => [p.lambda, p.fargate]).filter((c) => c > 0);
  const lo = Math.min(...costs);
  const hi = Math.max(...costs);
  return {
    width,
    height,
    left: 84,
    right: width - 24,
    top: 16,
    bottom: height - 44,
    xMin: points[0]!.rps,
    xMax: points[points.length - 1]!.rps,
    yMin: Math.pow(10, Math.floor(Math.log10(lo))),
    yMax: Math.pow(10, Math.ceil(Math.log10(hi))),
  };
}

export function xOf(f: Frame, rps: number): number {
  const t = (Math.log10(rps) - Math.log10(f.xMin)) / (Math.log10(f.xMax) - Math.log10(f.xMin));
  return f.left + t * (f.right - f.left);
}

export function yOf(f: Frame, cost: number): number {
  const c = Math.max(cost, f.yMin);
  const t = (Math.log10(c) - Math.log10(f.yMin)) / (Math.log10(f.yMax) - Math.log10(f.yMin));
  return f.bottom - t * (f.bottom - f.top);
}

export function pathFor(f: Frame, points: Point[], key: 'lambda' | 'fargate'): string {
  return points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${xOf(f, p.rps).toFixed(1)},${yOf(f, p[key]).toFixed(1)}`)
    .join(' ');
}

/** Powers of ten from min to max inclusive, for grid lines. */
export function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.round(Math.log10(min)); e <= Math.round(Math.log10(max)); e++) out.push(Math.pow(10, e));
  return out;
}

/** The slider holds 0..100; the rate it stands for is spread evenly over five decades. */
export function rateFromSlider(v: number): number {
  const t = Math.min(100, Math.max(0, v)) / 100;
  return RATE_MIN * Math.pow(RATE_MAX / RATE_MIN, t);
}

export function sliderFromRate(rps: number): number {
  return Math.round((100 * Math.log10(rps / RATE_MIN)) / Math.log10(RATE_MAX / RATE_MIN));
}

/** Grid lines and tick labels as SVG markup (the labels are numbers, so no escaping is needed). */
export function gridMarkup(f: Frame): string {
  const money = (n: number) => '$' + n.toLocaleString('en-US', { maximumSignificantDigits: 2 });
  const rate = (n: number) => n.toLocaleString('en-US', { maximumSignificantDigits: 3 });
  const ys = decades(f.yMin, f.yMax).map((t) => {
    const y = yOf(f, t).toFixed(1);
    return `<line x1="${f.left}" x2="${f.right}" y1="${y}" y2="${y}"/><text x="${f.left - 6}" y="${Number(y) + 4}" text-anchor="end">${money(t)}</text>`;
  });
  const xs = decades(f.xMin, f.xMax).map((t) => {
    const x = xOf(f, t).toFixed(1);
    return `<line x1="${x}" x2="${x}" y1="${f.top}" y2="${f.bottom}"/><text x="${x}" y="${f.bottom + 16}" text-anchor="middle">${rate(t)}</text>`;
  });
  return ys.concat(xs).join('');
}
