import { describe, expect, it } from 'vitest';
import { series } from './cost-model.ts';
import { frameFor, gridMarkup, rateFromSlider, sliderFromRate, xOf, yOf } from './chart-geometry.ts';

describe('chart geometry', () => {
  it('maps the slider over five decades of request rate and back', () => {
    expect(rateFromSlider(0)).toBeCloseTo(0.01, 10);
    expect(rateFromSlider(100)).toBeCloseTo(1000, 6);
    expect(rateFromSlider(60)).toBeCloseTo(10, 6);
    expect(sliderFromRate(10)).toBe(60);
  });

  it('puts the ends of the range at the edges and larger costs higher up', () => {
    const pts = series(0.01, 1000, 11);
    const f = frameFor(pts);
    expect(xOf(f, 0.01)).toBeCloseTo(f.left, 6);
    expect(xOf(f, 1000)).toBeCloseTo(f.right, 6);
    expect(yOf(f, f.yMax)).toBeCloseTo(f.top, 6);
    expect(yOf(f, 100)).toBeLessThan(yOf(f, 1));
  });

  it('labels one grid line per decade', () => {
    const f = frameFor(series(0.01, 1000, 11));
    expect(gridMarkup(f).match(/<line/g)).toHaveLength(
      Math.round(Math.log10(f.yMax / f.yMin)) + 1 + 6,
    );
  });
});
