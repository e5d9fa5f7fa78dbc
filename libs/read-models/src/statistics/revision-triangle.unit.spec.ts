import { revisionTriangle, revisionTriangleCsv } from './revision-triangle';

describe('Revision triangle', () => {
  it('spreads each month by months to first record, rows in time order, same keys in every row', () => {
    const rows = revisionTriangle([
      { month: '2021-03', knownMonth: '2021-04', acts: 12 },
      { month: '2021-03', knownMonth: '2021-03', acts: 30 },
      { month: '2020-12', knownMonth: '2021-02', acts: 2 },
      { month: '2020-12', knownMonth: '2020-12', acts: 5 },
      { month: '2021-03', knownMonth: '2021-04', acts: 1 },
    ]);
    expect(rows).toEqual([
      { month: '2020-12', total: 7, byLag: { '0': 5, '1': 0, '2': 2 } },
      { month: '2021-03', total: 43, byLag: { '0': 30, '1': 13, '2': 0 } },
    ]);
  });

  it('counts an act recorded before its corrected occurrence month under 0', () => {
    expect(revisionTriangle([{ month: '2021-05', knownMonth: '2021-04', acts: 1 }])).toEqual([
      { month: '2021-05', total: 1, byLag: { '0': 1 } },
    ]);
  });

  it('is empty without acts', () => {
    expect(revisionTriangle([])).toEqual([]);
    expect(revisionTriangleCsv([])).toBe('month,total\r\n');
  });

  it('writes CSV with one column per lag', () => {
    const rows = revisionTriangle([
      { month: '2021-03', knownMonth: '2021-04', acts: 12 },
      { month: '2021-03', knownMonth: '2021-03', acts: 30 },
    ]);
    expect(revisionTriangleCsv(rows)).toBe('month,total,lag_0,lag_1\r\n2021-03,42,30,12\r\n');
  });
});
