/** The New batch form's fields become the service's request; what is not a number or a class is one line. */
import { describe, expect, it } from 'vitest';
import { EMPTY_BATCH_FORM, requestOf } from '../../../src-renderer/desk/batchForm';

describe('requestOf', () => {
  it('leaves out what is not typed, leaves out assigned and verified spectra unless ticked', () => {
    expect(requestOf(EMPTY_BATCH_FORM)).toEqual({
      request: { name: '', assignees: [], mode: 'single', criteria: { leaveOut: { assigned: true, verified: true } } },
    });
  });

  it('reads lists, numbers, classes in any case and the ticks', () => {
    const made = requestOf({
      ...EMPTY_BATCH_FORM,
      name: ' feb ',
      assignees: 'alice, bob carol',
      mode: 'spectrograph',
      due: '2024-03-01',
      from: '2024-02-01',
      to: '2024-02-29',
      planid: 'HD1',
      spid: '7',
      classes: 'galaxy,QSO',
      subclasses: 'G5 K0',
      snrMin: '2.5',
      snrMax: '30',
      tsources: 'LEGAS',
      objtypes: 'Galaxy',
      limit: '500',
      includeAssigned: true,
    });
    expect(made).toEqual({
      request: {
        name: 'feb',
        assignees: ['alice', 'bob', 'carol'],
        mode: 'spectrograph',
        due: '2024-03-01',
        criteria: {
          classes: ['GALAXY', 'QSO'],
          subclasses: ['G5', 'K0'],
          from: '2024-02-01',
          to: '2024-02-29',
          planid: 'HD1',
          spid: 7,
          snrMin: 2.5,
          snrMax: 30,
          tsources: ['LEGAS'],
          objtypes: ['Galaxy'],
          limit: 500,
          leaveOut: { assigned: false, verified: true },
        },
      },
    });
  });

  it('names the field of a number that is not one and of a class that does not exist', () => {
    expect(requestOf({ ...EMPTY_BATCH_FORM, snrMin: 'high' })).toEqual({ problem: 'S/N min must be a number, got "high"' });
    expect(requestOf({ ...EMPTY_BATCH_FORM, spid: '2.5' })).toEqual({ problem: 'spectrograph must be a whole number, got "2.5"' });
    expect(requestOf({ ...EMPTY_BATCH_FORM, classes: 'galaxy, gal' })).toEqual({ problem: 'pipeline class is one of STAR, GALAXY, QSO, UNKNOWN; got "GAL"' });
  });
});
