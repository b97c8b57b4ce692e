import type { Template } from '../edit-facts';

/** DOCUMENTATION: what the claim itself says is missing from the record behind a line. */
export const DOCUMENTATION_TEXT = {
  'doc.unsigned-report': (p: { code: string; with26?: boolean }, f) => {
    const how = p.with26 ? 'the professional component (modifier 26)' : 'the global service, which includes the professional component,';
    return {
      message: `${p.code} (line ${f.lines[0]}) bills ${how} but the claim says there is no signed radiology report. CMS requires a separate written, signed report for the interpretation; without it the professional payment is recouped on audit.`,
      detail: 'Have the interpreting physician sign a report before submitting.',
    };
  },
  'doc.fluoro-time': (_: Record<string, never>, f) => ({
    message: `76000 (line ${f.lines[0]}) covers fluoroscopy up to 1 hour of physician time, but the record gives no fluoroscopy time; without it payers treat the service as unsupported.`,
    detail: 'Document the physician fluoroscopy time in the procedure note.',
  }),
  'doc.fluoro-over-hour': (p: { minutes: number }, f) => ({
    message: `76000 (line ${f.lines[0]}) documents ${p.minutes} minutes of fluoroscopy. 76000 covers up to 1 hour and 76001 (over 1 hour) was deleted on 2019-01-01, so there is nothing more to bill for the extra time.`,
    detail: 'Bill 76000 once; do not add units or 76001 for the time over an hour.',
  }),
  'doc.images-not-saved': (p: { code: string }, f) => ({
    message: `${p.code} (line ${f.lines[0]}) is fluoroscopic guidance but the claim says the images were not saved. Images missing from the record are the top audit failure for guidance codes and can lead to full recoupment.`,
    detail: 'Save the fluoroscopic images to the record, with the interpretation in the procedure note.',
  }),
} satisfies Record<string, Template<never>>;
