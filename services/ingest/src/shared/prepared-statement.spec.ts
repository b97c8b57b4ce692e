import { prepared } from './prepared-statement';

describe('prepared statements', () => {
  it('names the statement in every query it makes, with the values given', () => {
    const find = prepared('spec_find', 'SELECT $1::int AS n');
    expect(find([1])).toEqual({ name: 'spec_find', text: 'SELECT $1::int AS n', values: [1] });
    expect(find([2])).toEqual({ name: 'spec_find', text: 'SELECT $1::int AS n', values: [2] });
  });

  it('refuses a second text under a name already given (node-pg would fail the query on a connection that has the first)', () => {
    prepared('spec_twice', 'SELECT 1');
    expect(() => prepared('spec_twice', 'SELECT 1')).not.toThrow();
    expect(() => prepared('spec_twice', 'SELECT 2')).toThrow('prepared statement spec_twice is defined twice');
  });
});
