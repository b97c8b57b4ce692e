import { useState, type FormEvent } from 'react';
import type { FeeLookup } from '@claimflow/domain';
import type { LocalityOption } from '../../../../src/code-lookup/code-view.types';
import { useJson } from '../../api';
import { ErrorState, Loading } from '../../components/states';
import { FeeTable } from './fee-table';
import { choose, dateForYear, feeScheduleUrl, YEARS, type PaymentChoice } from './payment-choice';

/** RVUs and payment for the chosen year, locality (or ZIP) and setting. */
export function CodePayment({ code, choice, inSomeYear }: { code: string; choice: PaymentChoice; inSomeYear: boolean }) {
  const fee = useJson<FeeLookup>(feeScheduleUrl(code, choice));
  const localities = useJson<LocalityOption[]>(`/api/localities?date=${dateForYear(choice.year)}`);
  const [zip, setZip] = useState(choice.zip);
  const zipOk = zip === '' || /^\d{5}$/.test(zip);
  const submitZip = (e: FormEvent) => {
    e.preventDefault();
    if (zipOk) choose(code, { ...choice, zip });
  };
  return (
    <section aria-labelledby="payment-title" className="panel">
      <h2 id="payment-title">RVUs and payment</h2>
      <div className="controls">
        <label>
          Year
          <select value={choice.year} onChange={(e) => choose(code, { ...choice, year: Number(e.target.value) })}>
            {YEARS.map((y) => (
              <option key={y} value={y}>
                CY{y}
              </option>
            ))}
          </select>
        </label>
        <label>
          Locality
          <select
            value={choice.locality}
            disabled={choice.zip !== ''}
            onChange={(e) => choose(code, { ...choice, locality: e.target.value })}
          >
            <option value="">National (GPCI 1.0)</option>
            {localities.state === 'ok'
              ? localities.data.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.state} · {l.name} ({l.id})
                  </option>
                ))
              : null}
          </select>
        </label>
        <form onSubmit={submitZip} className="zip-form">
          <label htmlFor="zip">ZIP code</label>
          <div className="search-row">
            <input
              id="zip"
              inputMode="numeric"
              maxLength={5}
              value={zip}
              placeholder="optional"
              onChange={(e) => setZip(e.target.value.trim())}
              aria-invalid={zipOk ? undefined : true}
              aria-describedby="zip-help"
            />
            <button type="submit" className="button secondary" disabled={!zipOk}>
              Use ZIP
            </button>
          </div>
          <p id="zip-help" className="hint">
            {zipOk ? 'A ZIP code picks its locality and overrides the list.' : 'A ZIP code has 5 digits.'}
          </p>
        </form>
        <label>
          Setting
          <select value={choice.pos} onChange={(e) => choose(code, { ...choice, pos: e.target.value === '22' ? '22' : '11' })}>
            <option value="11">Non-facility (office, POS 11)</option>
            <option value="22">Facility (hospital outpatient, POS 22)</option>
          </select>
        </label>
      </div>
      <div aria-live="polite">
        {fee.state === 'loading' ? <Loading what="the fee schedule" /> : null}
        {fee.state === 'error' ? (
          <ErrorState
            error={fee.error}
            title={`No price for ${code} in CY${choice.year}.`}
            // Only a failure of the service can pass on a second try; a code the fee schedule lacks stays lacking.
            retry={fee.error.status >= 500 || fee.error.status === 0 ? fee.reload : undefined}
          />
        ) : null}
        {fee.state === 'error' && fee.error.code === 'CODE_UNKNOWN' && inSomeYear ? (
          <p className="other-years">
            The fee schedule of another year lists {code}:{' '}
            {YEARS.filter((y) => y !== choice.year).map((y) => (
              <button key={y} type="button" className="button secondary" onClick={() => choose(code, { ...choice, year: y })}>
                See CY{y}
              </button>
            ))}
          </p>
        ) : null}
        {fee.state === 'ok' ? <FeeTable fee={fee.data} year={choice.year} /> : null}
      </div>
    </section>
  );
}
