import type { ReportFieldError } from '@claimflow/domain';
import { fieldLabel, humanMessage } from './report-errors';
import { fieldOf } from './report-form';

/** Everything to fix before sending, each named by its label and linked to its input. */
export function ErrorSummary({ errors }: { errors: readonly ReportFieldError[] }) {
  if (!errors.length) return null;
  return (
    <div className="state state-error error-summary" role="alert">
      <p>
        <strong>{errors.length === 1 ? 'One thing to fix' : `${errors.length} things to fix`} before sending:</strong>
      </p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <a href={`#${fieldOf(e.path)}`}>{fieldLabel(fieldOf(e.path))}</a>: {humanMessage(e)}
          </li>
        ))}
      </ul>
    </div>
  );
}
