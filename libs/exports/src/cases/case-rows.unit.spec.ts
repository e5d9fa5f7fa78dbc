import { IncidentState } from '@app/domain';
import { acledDate, CaseAct, caseRow } from './case-rows';

const state = {
  status: 'recorded',
  incidentId: 'i1',
  facts: {
    title: 'Aigerim Serikova detained in Almaty',
    description: 'Aigerim Serikova was detained for ten days.',
    country: 'KZ',
    region: 'KZ-75',
    place: 'Almaty, Abay avenue',
    occurred: { date: '2020-02', precision: 'month' },
    type: 'detention',
    rights: ['freedom_of_peaceful_assembly'],
    legalBasis: [{ instrument: 'KZ Code of Administrative Offences', article: '488' }],
    tags: ['memorial'],
  },
  acts: [{ actId: 'a1', kind: 'person', targetId: 't1', category: 'civil_activist' }],
  perpetrators: [
    { perpetratorId: 'p1', source: 'police', role: 'main' },
    { perpetratorId: 'p2', source: 'court', role: 'secondary' },
  ],
  sources: [{ sourceId: 's1', title: 'Azattyq, 26 Feb', url: 'https://example.org/x' }],
  outcomes: [
    { outcomeId: 'o1', type: 'administrative_arrest', date: '2020-02-27', actId: 'a1' },
    { outcomeId: 'o2', type: 'fine', actId: 'a2' },
  ],
  verified: true,
} as unknown as CaseAct['state'] & IncidentState;

const act = (redacted: boolean): CaseAct => ({
  incidentId: 'i1',
  state,
  act: state.acts[0],
  targetLabel: 'P-0001',
  targetName: redacted ? undefined : 'Aigerim Serikova',
  redacted,
});

describe('case-level rows', () => {
  it('writes the import columns with a label beside each code, in the language asked', () => {
    const row = caseRow(act(false), 'default', 'ru');
    expect(row).toMatchObject({
      incident_ref: 'i1',
      act_id: 'a1',
      date: '2020-02',
      precision: 'month',
      country: 'KZ',
      country_label: 'Казахстан',
      target_name: 'Aigerim Serikova',
      source_main: 'police',
      sources_secondary: 'court',
      legal_article: 'KZ Code of Administrative Offences|488',
      outcomes: 'administrative_arrest',
      verification_status: 'verified',
      source_title: 'Azattyq, 26 Feb',
      source_url: 'https://example.org/x',
      tags: 'memorial',
    });
    expect(row.outcomes_labels).toMatch(/\(2020-02-27\)$/);
  });

  it.each(['default', 'acled'] as const)(
    'gives an analyst (%s) codes, labels and pseudonyms, no name and no free text',
    (profile) => {
      const text = JSON.stringify(caseRow(act(true), profile, 'en'));
      expect(text).not.toMatch(/Aigerim|Serikova|Abay|Azattyq|example\.org|memorial/);
      expect(text).toContain('P-0001');
    },
  );

  it('names the ACLED columns and dates each act by its precision rule', () => {
    const row = caseRow(act(false), 'acled', 'en');
    expect(row).toMatchObject({
      event_id_cnty: 'KZ-a1',
      event_date: '2020-02-15',
      time_precision: '3',
      year: '2020',
      iso: 'KZ',
      assoc_actor_2: 'Aigerim Serikova',
      location: 'Almaty, Abay avenue',
      date_precision: 'month',
    });
    expect(acledDate({ date: '2020-02-25', precision: 'day' })).toEqual({
      date: '2020-02-25',
      precision: 1,
    });
    expect(acledDate({ date: '2020', precision: 'year' })).toEqual({
      date: '2020-07-01',
      precision: 3,
    });
  });
});
