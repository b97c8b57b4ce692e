import { nextLoop } from './loop-map.837p';

describe('837P loop map', () => {
  it.each([
    ['ST', 'NM1*41', '1000A'],
    ['1000A', 'NM1*40', '1000B'],
    ['1000B', 'HL*1**20*1', '2000A'],
    ['2000A', 'NM1*85', '2010AA'],
    ['2010AA', 'HL*2*1*22*0', '2000B'],
    ['2000B', 'NM1*IL', '2010BA'],
    ['2010BA', 'NM1*PR', '2010BB'],
    ['2010BB', 'CLM*A1', '2300'],
    ['2300', 'NM1*82', '2310B'],
    ['2310B', 'NM1*77', '2310C'],
    ['2310C', 'SBR*S', '2320'],
    ['2320', 'NM1*PR', '2330B'],
    ['2330B', 'LX*1', '2400'],
    ['2400', 'NM1*82', '2420A'],
    ['2420A', 'LX*2', '2400'],
    ['2400', 'HL*3*1*22*0', '2000B'],
  ])('in %s, %s opens %s', (current, segment, loop) => {
    const elements = segment.split('*');
    expect(nextLoop(current, elements[0], elements)).toBe(loop);
  });

  it('keeps the current loop for segments that open none', () => {
    expect(nextLoop('2400', 'SV1', ['SV1', 'HC:77003'])).toBeNull();
    expect(nextLoop('2000B', 'SBR', ['SBR', 'P'])).toBeNull();
    expect(nextLoop('2010AA', 'N4', ['N4', 'NEW YORK', 'NY', '10016'])).toBeNull();
  });
});
