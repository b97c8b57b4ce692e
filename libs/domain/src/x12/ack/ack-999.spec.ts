import { parse837Text } from '../parse-837';
import { build999, groupAck, IMPLEMENTATION_999, type Ack999Group } from './ack-999';
import { ack999GroupsFrom837 } from './findings-999';
import { ACK_ENVELOPE, elementsOf, golden, read837, readBack } from './testing/ack.fixture';

const SPEC_999 = { transactionSet: '999', implementation: IMPLEMENTATION_999 };
const ack999Of = (fixture: string) => build999({ envelope: ACK_ENVELOPE, groups: ack999GroupsFrom837(parse837Text(read837(fixture))) });

describe('999 implementation acknowledgment of an 837P (005010X231A1)', () => {
  it('accepts an interchange the intake read without a problem', () => {
    const text = ack999Of('single-claim.x12');
    expect(text).toBe(golden('accepted.999', text));
    const { segments, problems } = readBack(text, SPEC_999);
    expect(problems).toEqual([]);
    expect(elementsOf(segments, 'AK1')).toEqual([['HC', '101', '005010X222A1']]);
    expect(elementsOf(segments, 'AK2')).toEqual([['837', '0001', '005010X222A1']]);
    expect(elementsOf(segments, 'IK3')).toEqual([]);
    expect(elementsOf(segments, 'IK5')).toEqual([['A']]);
    expect(elementsOf(segments, 'AK9')).toEqual([['A', '1', '1', '1']]);
    expect(elementsOf(segments, 'SE')).toEqual([['6', '0001']]);
  });

  it('accepts with errors noted when claims have segment and element errors, naming each by position in its set', () => {
    const text = ack999Of('mixed-claims.x12');
    expect(text).toBe(golden('accepted-with-errors.999', text));
    const { segments, problems } = readBack(text, SPEC_999);
    expect(problems).toEqual([]);
    expect(elementsOf(segments, 'IK3')).toEqual([
      ['CLM', '25', '2300', '8'],
      ['HI', '26', '2300', '8'],
      ['NM1', '27', '2310B', '8'],
      ['SV1', '29', '2400', '8'],
      ['DTP', '30', '2400', '8'],
      ['XYZ', '31', '', '1'],
      ['SV1', '33', '2400', '8'],
    ]);
    // SV1 of the first line: SV101-3 (modifier) not in its code list, SV104 (units) not a positive whole number.
    expect(elementsOf(segments, 'IK4')).toContainEqual(['1:3', '1339', '7']);
    expect(elementsOf(segments, 'IK4')).toContainEqual(['4', '380', 'I12']);
    expect(elementsOf(segments, 'IK4')).toContainEqual(['3', '1251', '8']);
    // The bad data itself (IK404) is never copied back.
    expect(elementsOf(segments, 'IK4').every((e) => e.length === 3)).toBe(true);
    expect(elementsOf(segments, 'IK5')).toEqual([['E', 'I5']]);
    expect(elementsOf(segments, 'AK9')).toEqual([['E', '1', '1', '1']]);
  });

  it('rejects every transaction set of an interchange the intake refused, with the envelope problem', () => {
    const text = ack999Of('bad-segments.x12');
    expect(text).toBe(golden('rejected.999', text));
    const { segments, problems } = readBack(text, SPEC_999);
    expect(problems).toEqual([]);
    expect(elementsOf(segments, 'IK5')).toEqual([['R', '4', 'I5']]);
    expect(elementsOf(segments, 'AK9')).toEqual([['R', '1', '1', '0']]);
  });

  it('answers partially accepted when some transaction sets of a group are rejected', () => {
    const set = (control: string, rejected: boolean) => ({ control, segmentErrors: [], syntaxErrors: [], rejected });
    const group: Ack999Group = {
      control: '9',
      transactionSets: [set('0001', false), set('0002', true)],
      syntaxErrors: [],
      rejected: false,
    };
    expect(groupAck(group)).toBe('P');
    const { segments, problems } = readBack(build999({ envelope: ACK_ENVELOPE, groups: [group, { ...group, control: '10' }] }), SPEC_999);
    expect(problems).toEqual([]);
    expect(elementsOf(segments, 'AK9')).toEqual([
      ['P', '2', '2', '1'],
      ['P', '2', '2', '1'],
    ]);
    expect(elementsOf(segments, 'ST').map((e) => e[1])).toEqual(['0001', '0002']);
  });

  it('refuses control numbers outside 1-999999999', () => {
    expect(() => build999({ envelope: { ...ACK_ENVELOPE, interchangeControl: 0 }, groups: [] })).toThrow(RangeError);
    expect(() => build999({ envelope: { ...ACK_ENVELOPE, groupControl: 1e9 }, groups: [] })).toThrow(RangeError);
  });
});
