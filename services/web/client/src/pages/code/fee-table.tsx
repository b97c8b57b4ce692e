import { inWords, type FeeComponent, type FeeLookup } from '@claimflow/domain';
import { money, rvu } from '../../format';

const SETTING_NAME = { 'non-facility': 'non-facility', facility: 'facility' } as const;

/** Global, 26 and TC side by side for the chosen setting, with the other setting's payment below. */
export function FeeTable({ fee, year }: { fee: FeeLookup; year: number }) {
  const setting = fee.chosen.setting;
  const other = setting === 'facility' ? 'non-facility' : 'facility';
  const pe = (c: FeeComponent, s: string) => (s === 'facility' ? c.rvus.facilityPe : c.rvus.nonFacilityPe);
  const total = (c: FeeComponent, s: string) => (s === 'facility' ? c.rvus.facilityTotal : c.rvus.nonFacilityTotal);
  const pay = (c: FeeComponent, s: string) => (s === 'facility' ? c.participating.facility : c.participating.nonFacility);
  const limit = (c: FeeComponent, s: string) => (s === 'facility' ? c.limitingCharge.facility : c.limitingCharge.nonFacility);
  const loc = fee.locality;
  return (
    <>
      <div className="table-wrap">
        <table className="fee-table">
          <caption>
            {fee.code}, CY{year}, {loc.name}
            {loc.carrier ? ` (${loc.carrier}-${loc.locality})` : ''},{' '}
            {/* one piece, so a narrow screen never splits "non-facility" into a line reading "facility setting" */}
            <span className="nowrap">{SETTING_NAME[setting]} setting</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Amount</th>
              {fee.components.map((c) => (
                <th scope="col" key={c.modifier}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Row label="Work RVU" values={fee.components.map((c) => rvu(c.rvus.work))} />
            <Row label={`PE RVU (${SETTING_NAME[setting]})`} values={fee.components.map((c) => rvu(pe(c, setting)))} />
            <Row label="Malpractice RVU" values={fee.components.map((c) => rvu(c.rvus.mp))} />
            <Row label="Total RVUs" values={fee.components.map((c) => rvu(total(c, setting)))} />
            <Row label={`Medicare allowed (${SETTING_NAME[setting]})`} values={fee.components.map((c) => money(pay(c, setting)))} strong />
            <Row label="Limiting charge (non-participating)" values={fee.components.map((c) => money(limit(c, setting)))} />
            <Row label={`Medicare allowed (${SETTING_NAME[other]})`} values={fee.components.map((c) => money(pay(c, other)))} />
          </tbody>
        </table>
      </div>
      <p className="hint">
        Conversion factor {fee.conversionFactor} · GPCI work {fee.gpci.work}, PE {fee.gpci.pe}, MP {fee.gpci.mp} · Medicare pays{' '}
        {money(fee.chosen.medicarePayment)} of {money(fee.chosen.allowed)} for the{' '}
        {fee.chosen.modifier ? `-${fee.chosen.modifier}` : 'global'} line, the patient {money(fee.chosen.coinsurance)} · n/a: not payable in
        that setting · Sources: {fee.releases.join(', ')}
      </p>
      {fee.notes.length ? (
        <ul className="notes">
          {fee.notes.map((n) => (
            <li key={n}>{inWords(n)}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function Row({ label, values, strong }: { label: string; values: string[]; strong?: boolean }) {
  return (
    <tr className={strong ? 'strong' : undefined}>
      <th scope="row">{label}</th>
      {values.map((v, i) => (
        <td key={i}>{v}</td>
      ))}
    </tr>
  );
}
