import { nameTokens } from '../names';
import { SETTLEMENT_ROWS } from './settlement-rows';

export interface Settlement {
  /** GeoNames' id, to cite or to look the settlement up there. */
  geonameId: number;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  population: number;
}

const SETTLEMENTS: readonly (Settlement & { tokens: readonly string[] })[] = SETTLEMENT_ROWS.map(
  ([geonameId, name, country, latitude, longitude, population]) => ({
    geonameId,
    name,
    country,
    latitude,
    longitude,
    population,
    tokens: nameTokens(name),
  }),
);

/** Letters a query needs at least: "Ош" is a city. */
export const MIN_PLACE_QUERY = 2;

/**
 * The settlements whose name has a word beginning with each word of the query, folded as
 * person names are (so `Ош`, `Osh` and `osh` find Osh, `Хор` finds Khorugh), largest first;
 * within one country when given. Undefined when the query is too short to mean anything.
 */
export function findSettlements(
  query: string,
  { country, limit = 20 }: { country?: string; limit?: number } = {},
): Settlement[] | undefined {
  const words = nameTokens(query);
  // Letters as typed: folding may lengthen them (x → ks).
  const letters = query.replace(/[^\p{L}\p{N}]/gu, '').length;
  if (letters < MIN_PLACE_QUERY || words.length === 0) return undefined;
  return SETTLEMENTS.filter(
    (s) =>
      (country === undefined || s.country === country) &&
      words.every((w) => s.tokens.some((t) => t.startsWith(w))),
  )
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ tokens: _tokens, ...settlement }) => settlement);
}
