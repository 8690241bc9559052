/** The order the spectrograph view has its fibres fitted in, and the marks the canvas draws. */
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../shared/model';
import { fitMarks, fitOrder } from '../../../src-renderer/spectrograph/fitOrder';

const fibre = (fiberid: number) => ({ obsid: 1000 + fiberid, fiberid }) as Item;
const slit = [1, 2, 3, 5, 8, 9, 10, 11, 12, 20, 30].map(fibre);

describe('fitOrder', () => {
  it('the cursor’s fibre, the rest in view in fibre order, then outward by distance from the view', () => {
    expect(fitOrder(slit, 8, 4, 10).map((it) => it.fiberid)).toEqual([10, 8, 9, 11, 12, 5, 3, 2, 1, 20, 30]);
  });

  it('with all fibres in view (o), fibre order after the cursor’s', () => {
    expect(fitOrder(slit, 1, 250, 20).map((it) => it.fiberid)).toEqual([20, 1, 2, 3, 5, 8, 9, 10, 11, 12, 30]);
  });
});

describe('fitMarks', () => {
  it('pending until fitted; none, agrees or disagrees after', () => {
    const fits = [undefined, { fitted: false, disagrees: false, text: 'cannot fit: …' }, { fitted: true, disagrees: false, text: '' }, { fitted: true, disagrees: true, text: '' }];
    expect(fitMarks(fits)).toEqual(['pending', 'none', 'agrees', 'disagrees']);
  });
});
