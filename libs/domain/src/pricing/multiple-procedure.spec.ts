import { priceClaim } from './price-claim';
import { fixtureClaim, pricingCatalog, type LineSpec } from './testing/pricing-fixture';

const catalog = pricingCatalog();

function price(lines: LineSpec[], pos = '11') {
  const p = priceClaim(fixtureClaim(lines, { placeOfService: pos }), undefined, catalog);
  if (!p.ok) throw new Error(p.error.message);
  return p.value.lines;
}

const amounts = (lines: readonly { allowed: number }[]) => lines.map((l) => l.allowed);

// Alabama 2025 (GPCI 1.000 / 0.869 / 0.575), CF 32.3465; each figure: sum(RVU x GPCI) x CF, to the cent.
describe('multiple procedure indicators', () => {
  it('2 (surgery): highest fee in full, the others at 50%, whatever the line order', () => {
    // 27447: (19.60 + 15.30 x 0.869 + 3.98 x 0.575) x CF = 35.18420 x CF = 1138.09; 27130 = 1139.40
    const lines = price([{ code: '27447' }, { code: '27130' }], '21');
    expect(amounts(lines)).toEqual([569.05, 1139.4]); // 1138.09 x 50% = 569.045 -> 569.05
    expect(lines[0].breakdown?.adjustments[0]).toMatchObject({ kind: 'multiple-procedure', amountBefore: 1138.09, amountAfter: 569.05 });
    expect(lines[1].breakdown?.adjustments).toEqual([]);
  });

  it('2: ranks per date of service and provider', () => {
    const otherDay = price([{ code: '27447', dateOfService: '2025-03-11' }, { code: '27130' }], '21');
    const otherSurgeon = price([{ code: '27447', renderingProviderNpi: '1111111112' }, { code: '27130' }], '21');
    expect(amounts(otherDay)).toEqual([1138.09, 1139.4]);
    expect(amounts(otherSurgeon)).toEqual([1138.09, 1139.4]);
  });

  it('2: units after the first are subsequent procedures', () => {
    // 20610 facility: (0.79 + 0.44 x 0.869 + 0.13 x 0.575) x CF = 1.24711 x CF = 40.34; 2 units: 40.34 + 20.17
    expect(amounts(price([{ code: '20610', units: 2 }], '22'))).toEqual([60.51]);
  });

  it('add-on codes are exempt: 64484 (ZZZ) keeps 100% beside its primary', () => {
    // 64483 facility: (1.90 + 1.27 x 0.869 + 0.16 x 0.575) x CF = 3.09563 x CF = 100.13; 64484: 1.41967 x CF = 45.92
    expect(amounts(price([{ code: '64483' }, { code: '64484', units: 2 }], '22'))).toEqual([100.13, 91.84]);
  });

  it('3 (endoscopy): the highest in full, the others only above their base endoscopy', () => {
    // facility: 43249 = 4.20376 x CF = 135.98; 43239 = 3.79073 x CF = 122.62; base 43235 = 3.36626 x CF = 108.89
    const lines = price([{ code: '43239' }, { code: '43249' }], '22');
    expect(amounts(lines)).toEqual([13.73, 135.98]); // 122.62 - 108.89
    expect(lines[0].breakdown?.adjustments[0]).toMatchObject({ kind: 'endoscopic-family', amountBefore: 122.62, amountAfter: 13.73 });
  });

  it('3: the base endoscopy billed with a family member adds nothing', () => {
    expect(amounts(price([{ code: '43235' }, { code: '43239' }], '22'))).toEqual([0, 122.62]);
  });

  it('3: an endoscopy family then ranks as one procedure against other surgery', () => {
    // family 135.98 + 13.73 = 149.71 > 20610 40.34, so 20610 is paid at 50%: 20.17
    expect(amounts(price([{ code: '43239' }, { code: '43249' }, { code: '20610' }], '22'))).toEqual([13.73, 135.98, 20.17]);
  });

  it('4 (diagnostic imaging): subsequent technical portions at 50%, professional portions at 95%', () => {
    // 70486 global 112.75 (26: 37.23); 70450 global 94.48 = 26 36.95 + technical 57.53
    // 70450: technical 57.53 x 50% = 28.765 -> 28.77; professional 36.95 x 95% = 35.1025 -> 35.10; 63.87 in all
    const lines = price([{ code: '70450' }, { code: '70486' }]);
    expect(amounts(lines)).toEqual([63.87, 112.75]);
    expect(lines[0].breakdown?.adjustments.map((a) => [a.amountBefore, a.amountAfter])).toEqual([
      [94.48, 65.72],
      [65.72, 63.87],
    ]);
  });

  it('4: component-only lines rank their own portion (26 with 26, TC with TC)', () => {
    // 70450-26 36.95 (not the highest 26: 37.23) -> 35.10; 70486-TC 75.52 is the only TC -> full
    expect(
      amounts(
        price([
          { code: '70450', modifiers: ['26'] },
          { code: '70486', modifiers: ['26'] },
          { code: '70486', modifiers: ['TC'] },
        ]),
      ),
    ).toEqual([35.1, 37.23, 75.52]);
  });

  it('5 (therapy): every unit after the highest-PE one loses half its practice expense', () => {
    // 97110 = 26.83, with half PE 20.79; 97140 = 25.34, with half PE 19.72.
    // 97110 x 2: 26.83 + 20.79 = 47.62; 97140: 19.72
    const lines = price([{ code: '97110', units: 2 }, { code: '97140' }]);
    expect(amounts(lines)).toEqual([47.62, 19.72]);
    expect(lines[1].breakdown?.adjustments[0].description).toMatch(/Therapy \(indicator 5\)/);
  });

  it('6 (diagnostic cardiovascular): subsequent technical portions at 75%', () => {
    // 93306 global 168.83 (technical 106.24) ranks first; 93000 (global-only test, all technical) 12.62 x 75% = 9.465 -> 9.47
    expect(amounts(price([{ code: '93000' }, { code: '93306' }]))).toEqual([9.47, 168.83]);
  });

  it('7 (diagnostic ophthalmology): subsequent technical portions at 80%', () => {
    // 92250 technical 13.67 > 92134 technical 12.27; 12.27 x 80% = 9.816 -> 9.82; 92134 = 16.16 + 9.82 = 25.98
    expect(amounts(price([{ code: '92134' }, { code: '92250' }]))).toEqual([25.98, 32.42]);
  });

  it('0: no reduction (77002 and 77003 on the same day)', () => {
    // 77002-26: (0.54 + 0.22 x 0.869 + 0.03 x 0.575) x CF = 0.74843 x CF = 24.209... -> 24.21
    expect(amounts(price([{ code: '77003' }, { code: '77002', modifiers: ['26'] }]))).toEqual([88.74, 24.21]);
  });
});
