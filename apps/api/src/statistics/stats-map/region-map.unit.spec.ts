import { CURRENT_REGION_CODES, REGION_CODES, REGION_POINTS, regionPoint } from '@app/domain';
import { regionMap } from './region-map';

describe('region points', () => {
  it('place every region, retired codes included, in Central Asia, no two at one point', () => {
    for (const code of REGION_CODES) {
      const [lon, lat] = regionPoint(code)!.coordinates;
      expect({ code, inside: lon > 46 && lon < 88 && lat > 35 && lat < 56 }).toEqual({
        code,
        inside: true,
      });
    }
    const points = CURRENT_REGION_CODES.map((c) => REGION_POINTS[c].coordinates.join(','));
    expect(new Set(points).size).toBe(CURRENT_REGION_CODES.length);
    expect(regionPoint('KZ-ALA')).toBe(REGION_POINTS['KZ-75']);
    expect(regionPoint('XX-1')).toBeUndefined();
  });
});

describe('regionMap', () => {
  const table = {
    measure: 'acts',
    total: 'suppressed',
    position: '1',
    asOf: null,
    definitions: {},
    rows: [
      { keys: { region: 'KG-GB' }, labels: { region: 'Бишкек' }, value: '<5' },
      { keys: { region: 'KZ-AST' }, labels: { region: 'Astana (ISO code before 2022)' }, value: 9 },
      { keys: { region: null }, labels: { region: 'region unknown' }, value: 'suppressed' },
    ],
  };

  it('draws each region row at its point with its own figure, the rest beside the map', () => {
    const map = regionMap(table);
    expect(map).toMatchObject({ type: 'FeatureCollection', withoutRegion: 'suppressed' });
    expect(map.features).toEqual([
      {
        type: 'Feature',
        id: 'KG-GB',
        geometry: { type: 'Point', coordinates: [74.59, 42.87] },
        properties: {
          region: 'KG-GB',
          label: 'Бишкек',
          centre: 'Bishkek',
          precision: 'region',
          value: '<5',
        },
      },
      expect.objectContaining({
        id: 'KZ-AST',
        geometry: { type: 'Point', coordinates: [71.44598, 51.1801] },
      }),
    ]);
  });
});
