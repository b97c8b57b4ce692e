import type { FieldError } from '../../intake/field-error';
import type { X12Result } from '../x12-result';
import type { Ak9Code, Ik3Code, Ik5Code } from './ack-999.codes';
import type { Ack999Group, Ack999SegmentError, Ack999TransactionSet } from './ack-999';
import { elementCode, placeOf } from './element-map.837p';

/** Envelope problems named by the element the intake checked, and what the 999 calls them. */
const SET_CODES: Readonly<Record<string, Ik5Code>> = { SE01: '4', SE02: '3', ST01: '6', ST03: 'I6', ST: '2', GE: '2' };
/** Loops of the claim segments a finding's source names without one. */
const CLAIM_LOOPS: Readonly<Record<string, string>> = { CLM: '2300', HI: '2300', LX: '2400', SV1: '2400', DTP: '2400' };
const GROUP_CODES: Readonly<Record<string, Ak9Code>> = { GE01: '5', GE02: '4', GS08: '2', GS: '3', IEA: '3' };

interface SetDraft {
  control: string;
  start?: number;
  errors: Map<string, Ack999SegmentError>;
  codes: Set<Ik5Code>;
}
interface GroupDraft {
  control: string;
  sets: Map<string, SetDraft>;
  codes: Set<Ak9Code>;
}

/**
 * The 999 findings of one 837P interchange, from the results the intake yielded for it (`parse837`): each claim's
 * segment and element errors become IK3/IK4 in its transaction set, envelope problems IK5 or AK9 codes. When the
 * intake found any envelope problem it refused the interchange as a whole, so every transaction set is rejected.
 * A transaction set that yielded no result at all (no claim, no problem) cannot be seen here.
 */
export function ack999GroupsFrom837(results: readonly X12Result[]): Ack999Group[] {
  const groups = new Map<string, GroupDraft>();
  const refused = results.some((r) => r.scope === 'envelope');
  for (const r of results) {
    if (r.position.group === undefined) continue;
    const group = draftGroup(groups, r.position.group);
    const set =
      r.position.transactionSet === undefined ? undefined : draftSet(group, r.position.transactionSet, r.position.transactionSetStart);
    for (const e of r.result.ok ? [] : r.result.error) note(e, group, set);
  }
  return [...groups.values()].map((g) => ({
    control: g.control,
    transactionSets: [...g.sets.values()].map((s): Ack999TransactionSet => ({
      control: s.control,
      segmentErrors: [...s.errors.values()].sort((a, b) => a.position - b.position),
      syntaxErrors: [...s.codes],
      rejected: refused,
    })),
    syntaxErrors: [...g.codes],
    rejected: refused,
  }));
}

function draftGroup(groups: Map<string, GroupDraft>, control: string): GroupDraft {
  let g = groups.get(control);
  if (!g) groups.set(control, (g = { control, sets: new Map(), codes: new Set() }));
  return g;
}

function draftSet(group: GroupDraft, control: string, start: number | undefined): SetDraft {
  let s = group.sets.get(control);
  if (!s) group.sets.set(control, (s = { control, start, errors: new Map(), codes: new Set() }));
  s.start ??= start;
  return s;
}

/** Files one finding under its transaction set (IK3/IK4, IK5) or its group (AK9). */
function note(e: FieldError, group: GroupDraft, set: SetDraft | undefined): void {
  if (e.code === 'TOO_MANY_ERRORS' || e.code === 'X12_INTERCHANGE_REFUSED') return;
  const setCode = SET_CODES[e.path];
  const groupCode = GROUP_CODES[e.path];
  if (setCode && set) return void set.codes.add(setCode);
  if (groupCode) return void group.codes.add(groupCode);
  const segment = set ? segmentError(e, set) : undefined;
  if (!set || !segment) return;
  const key = `${segment.segmentId}/${segment.position}`;
  const held = set.errors.get(key);
  const elements = [...(held?.elements ?? []), ...segment.elements].filter(
    (x, i, all) => all.findIndex((y) => y.position === x.position && y.component === x.component && y.code === x.code) === i,
  );
  set.errors.set(key, { ...(held ?? segment), elements });
}

/** IK3 (and its IK4) for a finding whose source names a segment (`SV1 segment 21`, `NM1*85 loop 2010AA, segment 7`). */
function segmentError(e: FieldError, set: SetDraft): Ack999SegmentError | undefined {
  const source = /^(?:([A-Z][A-Z0-9]{1,2})\S*(?: loop (\w+))?,? )?segment (\d+)$/.exec(e.source ?? '');
  if (!source || set.start === undefined) return undefined;
  const ordinal = Number(source[3]);
  const place = placeOf(e.path);
  // A line's SV1 is the segment right after its LX (2400: LX 0100, SV1 0200, both required).
  const onSv1 = place?.segmentId === 'SV1' && source[1] === 'LX';
  const segmentId = onSv1 ? 'SV1' : (source[1] ?? /^"([A-Z][A-Z0-9]{1,2})"/.exec(e.message)?.[1]);
  if (!segmentId) return undefined;
  const position = (onSv1 ? ordinal + 1 : ordinal) - set.start + 1;
  const placed = place && place.segmentId === segmentId && place.position !== undefined;
  const code: Ik3Code =
    e.code === 'X12_SEGMENT_INVALID' ? '1' : e.code === 'X12_SEGMENT_UNEXPECTED' ? '2' : e.code === 'TOO_MANY_LINES' ? '4' : '8';
  const loop = place?.segmentId === segmentId ? place.loop : (source[2] ?? (code === '8' ? CLAIM_LOOPS[segmentId] : undefined));
  const elements =
    placed && code === '8'
      ? [{ position: place.position!, component: place.component, reference: place.reference, code: elementCode(e.code) }]
      : [];
  return { segmentId, position, ...(loop && code !== '1' ? { loop } : {}), code, elements };
}
