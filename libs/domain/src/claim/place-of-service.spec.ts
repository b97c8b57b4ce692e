import { POS_CODES } from '../feedback/report-vocabulary';
import { FACILITY_POS, HOSPITAL_LIKE_POS } from './place-of-service';
import { isKnownPlaceOfService, PLACE_OF_SERVICE_CODES } from './place-of-service.table';

describe('place-of-service table', () => {
  it('holds the CMS code set without unassigned codes', () => {
    expect(['01', '02', '10', '11', '19', '22', '24', '27', '49', '58', '66', '99'].every(isKnownPlaceOfService)).toBe(true);
    expect(['00', '28', '30', '35', '40', '43', '48', '59', '63', '67', '80', '98'].filter(isKnownPlaceOfService)).toEqual([]);
    expect(PLACE_OF_SERVICE_CODES.size).toBe(52);
  });

  it('is the list the denial-report vocabulary and the facility-rate sets read', () => {
    expect([...POS_CODES]).toEqual([...PLACE_OF_SERVICE_CODES.keys()]);
    expect([...FACILITY_POS, ...HOSPITAL_LIKE_POS].filter((pos) => !isKnownPlaceOfService(pos))).toEqual([]);
  });
});
