import { publicEditAccuracy, type ReportedAccuracyLine } from './public-edit-accuracy';

const line = (
  submitterId: string,
  outcome: ReportedAccuracyLine['outcome'],
  edit?: string,
  reasons: string[] = [],
): ReportedAccuracyLine => ({
  submitterId,
  outcome,
  reasons,
  edits: edit ? [{ code: edit as ReportedAccuracyLine['edits'][number]['code'], severity: 'deny' }] : [],
});

describe('publicEditAccuracy', () => {
  const five = ['a', 'b', 'c', 'd', 'e'];
  const lines = [
    ...five.map((s, i) => line(s, i < 4 ? 'denied' : 'paid', 'PTP_BUNDLED', ['CO-97'])),
    ...five.slice(0, 4).map((s) => line(s, 'denied', 'MUE_EXCEEDED', ['CO-151'])),
    ...five.map((s) => line(s, 'denied', undefined, ['CO-50'])),
    line('a', 'denied', undefined, ['CO-16']),
    line('a', 'denied', undefined, ['CO-16']),
  ];

  it('shows only the rows at least five submitters stand behind', () => {
    expect(publicEditAccuracy(lines)).toEqual({
      lines: 16,
      denied: 15,
      byEdit: [{ edit: 'PTP_BUNDLED', flagged: 5, denied: 4, precision: 0.8 }],
      missed: { lines: 7, byReason: [{ reason: 'CO-50', lines: 5 }] },
      minReporters: 5,
      suppressed: { edits: 1, reasons: 1 },
    });
  });

  it('never goes below five, and hides the totals of fewer submitters', () => {
    expect(publicEditAccuracy(lines, 2).minReporters).toBe(5);
    const few = publicEditAccuracy(lines.filter((l) => l.submitterId === 'a'));
    expect(few).toMatchObject({ lines: 0, denied: 0, byEdit: [], missed: { lines: 0, byReason: [] } });
    expect(JSON.stringify(publicEditAccuracy(lines))).not.toMatch(/"a"|submitter/);
  });
});
