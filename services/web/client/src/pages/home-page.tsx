import type { RefDataStatus } from '@claimflow/contracts';
import { useJson } from '../api';
import { SearchBox } from '../components/search-box';
import { Link } from '../router';

/** One line: what reference data a claim dated today is checked against (refdata status). */
function CoverageLine() {
  const status = useJson<RefDataStatus>('/api/refdata/status');
  if (status.state !== 'ok') return null;
  return (
    <p className="coverage-line" data-testid="coverage-line">
      {status.data.line}
    </p>
  );
}

export function HomePage() {
  return (
    <section className="home">
      <h1>Medicare billing, checked before you submit</h1>
      <p className="lead">
        Look up a code, check a whole claim against NCCI and fee-schedule rules, or share a denial so others can avoid it.
      </p>
      <SearchBox id="home-search" />
      <CoverageLine />
      <ul className="cards">
        <li className="card">
          <h2>
            <Link to="/codes/77003">Code look-up</Link>
          </h2>
          <p>What a code is, its RVUs and payment by year, locality and setting, bundling pairs, add-on rules and real denial patterns.</p>
        </li>
        <li className="card">
          <h2>
            <Link to="/check">Check a claim</Link>
          </h2>
          <p>
            Paste or upload canonical JSON, X12 837P or a FHIR Claim, or fill in lines: every edit with its reason and fix, a corrected
            claim and the payment.
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to="/report">Report a denial</Link>
          </h2>
          <p>Anonymous: codes, reasons and what worked, never patient or personal details. Patterns appear once five reports agree.</p>
        </li>
      </ul>
    </section>
  );
}
