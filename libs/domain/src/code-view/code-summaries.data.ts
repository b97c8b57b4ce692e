/**
 * What a code is, in one sentence of our own (never the AMA descriptor). Facts from the billing
 * pages in shared/seeds; codes without an entry simply show no summary.
 */
export const CODE_SUMMARIES: Readonly<Record<string, string>> = {
  '76000':
    'Fluoroscopy used as a service of its own, up to an hour of physician time, when no more specific guidance code fits the procedure.',
  '77001': 'Live X-ray guidance while a central venous access device is placed, replaced or removed, added to the access procedure itself.',
  '77002':
    'Live X-ray guidance to steer a needle to a target outside the spine (a biopsy, aspiration, injection or localisation), added to that procedure.',
  '77003':
    'Live X-ray guidance to place a needle or catheter in or beside the spine for a diagnostic or therapeutic injection, added to the injection code.',
  '62323': 'A lumbar or sacral epidural (or subarachnoid) injection done with imaging guidance, which the code already includes.',
  '62322': 'A lumbar or sacral epidural (or subarachnoid) injection done without imaging guidance.',
  '64490': 'A cervical or thoracic facet joint injection at one level, with its imaging guidance included.',
  '64483': 'A lumbar or sacral transforaminal epidural injection at one level, with its imaging guidance included.',
  '36569': 'A peripherally inserted central venous catheter placed without imaging guidance, in a patient five or older.',
  '44500': 'Placement of a long gastrointestinal tube, such as a nasoenteric tube.',
};

export function codeSummary(code: string): string | null {
  return CODE_SUMMARIES[code] ?? null;
}
