import { computeEditAccuracy, type AccuracyLine } from './edit-accuracy';

const line = (
  outcome: AccuracyLine['outcome'],
  edits: [string, 'deny' | 'warn' | 'info'][] = [],
  reasons: string[] = [],
): AccuracyLine => ({
  outcome,
  reasons,
  edits: edits.map(([code, severity]) => ({ code: code as AccuracyLine['edits'][number]['code'], severity })),
});

describe('computeEditAccuracy', () => {
  it('computes per-edit precision and what ClaimFlow missed, by CARC, from a small known set', () => {
    const result = computeEditAccuracy([
      line('denied', [['PTP_BUNDLED', 'deny']], ['CO-97']),
      line(
        'denied',
        [
          ['PTP_BUNDLED', 'deny'],
          ['GUIDANCE_INCLUDED', 'deny'],
        ],
        ['CO-97'],
      ),
      line('paid', [['PTP_BUNDLED', 'deny']]),
      line('adjusted', [['MUE_EXCEEDED', 'deny']], ['CO-151']),
      line('denied', [['DOCUMENTATION', 'warn']], ['CO-16']),
      line('paid', [['REFDATA_UNAVAILABLE', 'info']]),
      line('denied', [], ['CO-50']),
      line('denied', [['REFDATA_UNAVAILABLE', 'info']], ['CO-50', 'CO-16']),
      line('denied', []),
      line('paid'),
      line('reversed', [['PTP_BUNDLED', 'deny']], ['CO-97']),
    ]);
    expect(result).toEqual({
      lines: 10,
      denied: 6,
      byEdit: [
        { edit: 'PTP_BUNDLED', flagged: 3, denied: 2, precision: 0.667 },
        { edit: 'DOCUMENTATION', flagged: 1, denied: 1, precision: 1 },
        { edit: 'GUIDANCE_INCLUDED', flagged: 1, denied: 1, precision: 1 },
        { edit: 'MUE_EXCEEDED', flagged: 1, denied: 0, precision: 0 },
      ],
      missed: {
        lines: 3,
        byReason: [
          { reason: 'CO-50', lines: 2 },
          { reason: '(none given)', lines: 1 },
          { reason: 'CO-16', lines: 1 },
        ],
      },
    });
  });

  it('is empty for no lines', () => {
    expect(computeEditAccuracy([])).toEqual({ lines: 0, denied: 0, byEdit: [], missed: { lines: 0, byReason: [] } });
  });
});
