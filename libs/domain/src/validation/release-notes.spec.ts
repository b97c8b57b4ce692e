import type { EditSource, NotChecked } from './edit';
import { withoutStatedNotes, withStatedNotes } from './release-notes';

const NOTES = ['PTP effective dates are missing from this release'];
const standIn: NotChecked = {
  dataset: 'ncci-ptp-practitioner',
  family: 'practitioner procedure-to-procedure (bundling) edits',
  reason: 'stand-in',
  release: 'NCCI-2024Q3',
  lines: [1, 2],
  from: '2025-04-15',
  to: '2025-04-15',
  validFrom: '2024-07-01',
  validTo: '2024-09-30',
  notes: NOTES,
};
const edit = (source: EditSource) => ({ code: 'PTP_BUNDLED', source });
const ptp = (o: Partial<EditSource> = {}): EditSource => ({
  dataset: 'ncci-ptp-practitioner',
  release: 'NCCI-2024Q3',
  modifierIndicator: '1',
  ...o,
});
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe("an edit source's release notes, stated once by the notChecked entry of that release", () => {
  it('leaves them out where the entry states the same, and restores them last in the source', () => {
    const edits = [edit(ptp({ notes: NOTES })), edit({ dataset: 'cpt-guidance', release: 'cpt-guidance-2025' })];
    const compact = withoutStatedNotes(edits, [standIn]);
    expect(compact.map((e) => e.source.notes)).toEqual([undefined, undefined]);
    const restored = withStatedNotes(wire(compact), [standIn]);
    expect(JSON.stringify(restored)).toBe(JSON.stringify(edits));
  });

  it('keeps notes that differ, and those of another release or dataset', () => {
    const edits = [
      edit(ptp({ notes: ['other caveat'] })),
      edit(ptp({ release: 'NCCI-2025Q1', notes: NOTES })),
      edit(ptp({ dataset: 'ncci-mue-practitioner', notes: NOTES })),
    ];
    expect(withoutStatedNotes(edits, [standIn])).toEqual(edits);
  });

  it('leaves every edit as it is when one of that release has no notes (restoring would add them)', () => {
    const edits = [edit(ptp({ notes: NOTES })), edit(ptp())];
    expect(withoutStatedNotes(edits, [standIn])).toBe(edits);
  });

  it('changes nothing without a notChecked entry that carries notes', () => {
    const edits = [edit(ptp({ notes: NOTES }))];
    const { notes: _notes, ...noNotes } = standIn;
    void _notes;
    expect(withoutStatedNotes(edits, [noNotes])).toBe(edits);
    expect(withStatedNotes([edit(ptp())], [noNotes])).toEqual([edit(ptp())]);
  });
});
