import { useMemo, useState } from 'react';
import type { ReportFieldError } from '@claimflow/domain';
import { humanMessage } from './report-errors';
import { checkReport, fieldOf, initialForm, type ReportForm } from './report-form';

/** The form's values and its errors: checked on every change once the biller has tried to send it, as the server checks. */
export function useReportForm(code: string) {
  const [form, setForm] = useState<ReportForm>(() => initialForm(code.toUpperCase()));
  const [errors, setErrors] = useState<readonly ReportFieldError[]>([]);
  const [touched, setTouched] = useState(false);
  const update = (patch: Partial<ReportForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    if (touched) setErrors(checkReport(next));
  };
  const errorsFor = useMemo(() => (id: string) => errors.filter((e) => fieldOf(e.path) === id).map(humanMessage), [errors]);
  /** Marks the form tried and returns its errors (none: ready to send). */
  const check = () => {
    setTouched(true);
    const local = checkReport(form);
    setErrors(local);
    return local;
  };
  const reset = (deniedCode: string) => {
    setForm(initialForm(deniedCode));
    setErrors([]);
    setTouched(false);
  };
  return { form, errors, setErrors, update, errorsFor, check, reset };
}
