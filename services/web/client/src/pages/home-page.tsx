import type { RefDataStatus } from '@claimflow/contracts';
import { datasetName } from '@claimflow/domain';
import { useJson } from '../api';
import { SearchBox } from '../components/search-box';
import { Link } from '../router';

/** One line: which CMS files have a release in force for a claim dated today (what `refdata status` says), in words. */
function CoverageLine() {
  const status = useJson<RefDataStatus>('/api/refdata/status');
  if (status.state !== 'ok') return null;
  const { today, coverage } = status.data;
  const missing = coverage.filter((c) => c.today.strict === null).map((c) => datasetName(c.dataset));
  return (
    <p className="coverage-line" data-testid="coverage-line">
      {missing.length === 0
        ? `Every CMS file loaded here has a release in force for a claim dated today (${today}).`
        : `For a claim dated today (${today}), ${missing.length} of ${coverage.length} CMS files have no release in force yet: ${missing.join('; ')}. ` +
          'A check then says which edits were not fully checked. '}
      <Link to="/glossary#release">What is a release?</Link>
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
            Paste or upload an X12 837P file, a FHIR Claim or Bundle, or ClaimFlow's JSON, or fill in lines: every edit with its reason and
            fix, a corrected claim and the payment.
          </p>
        </li>
        <li className="card">
          <h2>
            <Link to="/claims">My claims</Link>
          </h2>
          <p>
            The claims your practice sent, with your API key: rejections and predicted denials first, each with its edits, the payer's
            answer and whether it was accepted for processing.
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
