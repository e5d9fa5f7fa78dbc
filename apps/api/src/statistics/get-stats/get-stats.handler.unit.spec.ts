import { Position } from '@app/event-store';
import { GetStatsQuery } from '@app/read-models/statistics/get-stats.query';
import { statsSql } from '@app/read-models/statistics/get-stats.handler';
import { asOfOf } from './get-stats.request.dto';

const HOSTILE = "x'); DROP TABLE rm_acts; --";

describe('the stats statement', () => {
  it('carries every value the user sent as a parameter, never in its text', () => {
    const { sql, values } = statsSql(
      new GetStatsQuery(
        'ws-1',
        'acts',
        ['legalArticle', 'month'],
        {
          sourceRole: 'any',
          source: ['police'],
          legalArticle: [`${HOSTILE}|1`],
          tag: [HOSTILE],
          from: '2020-01',
          to: '2020-12',
          year: [2020],
        },
        { kind: 'position', position: '00000000000000000001.00000000000000000002' as Position },
        undefined,
      ),
    );
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain('police');
    expect(values).toEqual(expect.arrayContaining(['ws-1', [`${HOSTILE}|1`], [HOSTILE]]));
    expect(sql.match(/\$\d+/g)?.length).toBeGreaterThanOrEqual(values.length);
  });

  it('counts an unnested act once in the total, distinct targets once anywhere', () => {
    const sql = (measure: 'acts' | 'persons') =>
      statsSql(
        new GetStatsQuery(
          'ws',
          measure,
          ['source'],
          { sourceRole: 'any' },
          asOfOf(undefined),
          undefined,
        ),
      ).sql;
    expect(sql('acts')).toContain('count(*) FILTER (WHERE f.first)');
    expect(sql('acts')).toContain(
      'SELECT DISTINCT unnest((r.main_sources || r.secondary_sources))',
    );
    expect(sql('persons')).toContain('count(DISTINCT f.u)');
  });
});

describe('asOf', () => {
  it('reads a position, a timestamp (normalised to UTC) or nothing', () => {
    expect(asOfOf(undefined)).toEqual({ kind: 'current' });
    expect(asOfOf('00000000000000000742.00000000000000001234')).toEqual({
      kind: 'position',
      position: '00000000000000000742.00000000000000001234',
    });
    expect(asOfOf('2021-02-01T05:00:00+05:00')).toEqual({
      kind: 'time',
      at: '2021-02-01T00:00:00.000Z',
    });
  });

  it('takes a snapshot id, and refuses days that do not exist', () => {
    expect(asOfOf('snapshot:report-2021')).toEqual({ kind: 'snapshot', snapshotId: 'report-2021' });
    expect(() => asOfOf('2021-02-30T00:00:00Z')).toThrow();
    expect(() => asOfOf('0001-01-01T00:00:00+05:00')).toThrow(); // year 0 in UTC
  });
});
