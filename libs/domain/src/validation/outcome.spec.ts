import { RefDataCatalog } from '../refdata/catalog';
import { validateClaim } from './validate-claim';
import { claimWith } from './testing/claim.fixture';
import { FLUORO_FEE_ROWS, FLUORO_PTP, fluoroCatalog } from './testing/fluoro.fixture';
import { feeTable, ptpTable } from './testing/refdata.fixture';

const catalog = fluoroCatalog();

describe('three outcomes: clean, denied, incomplete', () => {
  it('clean: every family checked against the release in force, nothing denied', () => {
    const result = validateClaim(claimWith(['62323']), catalog);
    expect(result).toMatchObject({ outcome: 'clean', notChecked: [] });
    expect(result.refreshCommand).toBeUndefined();
    expect(result.lines[0]).toMatchObject({ outcome: 'clean', notChecked: [] });
  });

  it('denied: a deny edit on a line, even beside lines that are clean', () => {
    const result = validateClaim(claimWith(['62321', '62320']), catalog);
    expect(result.outcome).toBe('denied');
    expect(result.lines.map((l) => l.outcome)).toEqual(['clean', 'denied']);
  });

  it('incomplete, not clean: no PTP/MUE/add-on release in force on the date, and the command that loads them', () => {
    const fee = new RefDataCatalog().add('mpfs-rvu', feeTable(FLUORO_FEE_ROWS, { validTo: null }));
    const result = validateClaim(claimWith([{ code: '62323', dateOfService: '2025-05-02' }]), fee);
    expect(result.outcome).toBe('incomplete');
    expect(result.lines[0]).toMatchObject({ denied: false, outcome: 'incomplete' });
    expect(result.lines[0].notChecked).toEqual(['ncci-ptp-practitioner', 'ncci-mue-practitioner', 'ncci-addon']);
    expect(result.notChecked[0]).toMatchObject({
      dataset: 'ncci-ptp-practitioner',
      family: 'practitioner procedure-to-procedure (bundling) edits',
      reason: 'no-release',
      lines: [1],
      from: '2025-05-02',
      to: '2025-05-02',
    });
    expect(result.refreshCommand).toBe('claimflow refdata update --quarter 2025Q2');
  });

  it('incomplete when edits were applied from a stand-in release (latest), naming it; one command for every quarter', () => {
    const old = new RefDataCatalog()
      .add('mpfs-rvu', feeTable(FLUORO_FEE_ROWS, { validTo: null }))
      .add('ncci-ptp-practitioner', ptpTable(FLUORO_PTP, { id: 'PTP-2024', validFrom: '2024-07-01', validTo: '2024-09-30' }));
    const lines = ['2025-03-31', '2025-07-01'].map((dateOfService) => ({ code: '62323', dateOfService }));
    const result = validateClaim(claimWith(lines), old, { refdataFallback: 'latest' });
    const ptp = result.notChecked.find((n) => n.dataset === 'ncci-ptp-practitioner')!;
    expect(ptp).toMatchObject({ reason: 'stand-in', release: 'PTP-2024', lines: [1, 2] });
    expect(result.refreshCommand).toBe('claimflow refdata update --quarter 2025Q1,2025Q2,2025Q3');
  });

  it('incomplete for a code a partial fee schedule lacks; a code it holds is checked', () => {
    const partial = fluoroCatalog({ fee: { partial: true } });
    const result = validateClaim(claimWith(['62323', 'G0283']), partial);
    expect(result.lines.map((l) => [l.code, l.outcome, l.notChecked])).toEqual([
      ['62323', 'clean', []],
      ['G0283', 'incomplete', ['mpfs-rvu']],
    ]);
    expect(result.notChecked).toEqual([expect.objectContaining({ dataset: 'mpfs-rvu', reason: 'partial', lines: [2] })]);
  });

  it('denied wins over incomplete for the claim, and the families not checked are still listed', () => {
    const fee = new RefDataCatalog().add('mpfs-rvu', feeTable(FLUORO_FEE_ROWS, { validTo: null }));
    const result = validateClaim(claimWith([{ code: '76001', dateOfService: '2025-05-02' }]), fee);
    expect(result.outcome).toBe('denied');
    expect(result.notChecked.length).toBeGreaterThan(0);
  });
});
