import { MUE_INDICATORS } from '../../refdata/mue-indicator';
import type { MueEntry } from '../../refdata/tables';
import type { Template } from '../edit-facts';

const maiText = (mai: MueEntry['mai']): string => `MAI ${mai}, ${MUE_INDICATORS[mai].name}: ${MUE_INDICATORS[mai].effect}`;

/**
 * MUE_EXCEEDED: the MAI and the row's rationale are the edit's source (adjudicationIndicator, rationale), the lines
 * its lines; `value` is the MUE, `date` the date of service of a date-of-service edit (MAI 2, 3).
 */
export const MUE_TEXT = {
  'mue.exceeded': (p: { code: string; total: number; value: number; date?: string }, f) => {
    const mai = f.source.adjudicationIndicator as MueEntry['mai'];
    const rationale = f.source.rationale;
    const where = f.lines.length > 1 ? `lines ${f.lines.join(', ')}` : `line ${f.lines[0]}`;
    const scope = mai === 1 ? 'per line' : `per date of service, here ${p.date},`;
    const message =
      `${p.code} is billed ${p.total} unit(s) on ${where}; its MUE is ${p.value} ${scope} (${maiText(mai)}${rationale ? `; ${rationale}` : ''}). ` +
      `Over the MUE all ${p.total} unit(s) are denied, not only the excess.`;
    if (p.value === 0) return { message, detail: `${p.code} has an MUE of 0 in this setting: it is not reportable.` };
    return {
      message,
      detail:
        mai === 1
          ? `Reduce the line to ${p.value} unit(s); if more were medically necessary (e.g. another side or site), report them on a separate line with an anatomic or XS/59 modifier and document why.`
          : `Report ${p.value} unit(s) of ${p.code} in total for this date of service.`,
    };
  },
} satisfies Record<string, Template<never>>;
