import { fold } from '../decider';
import { specFor } from '../decider.spec-helper';
import { IncidentCommand, IncidentDraft } from './incident.commands';
import { incidentDecider } from './incident.decider';
import { IncidentEvent, IncidentReported } from './incident.events';

const today = '2021-07-14';
const given = specFor(incidentDecider);

const draft = (over: Partial<IncidentDraft> = {}): IncidentDraft => ({
  title: 'Death of Dulat Agadil in pre-trial detention',
  country: 'KZ',
  region: 'KZ-71',
  place: 'Nur-Sultan pre-trial detention centre',
  occurred: { date: '2020-02', precision: 'month' },
  type: 'death_in_custody',
  rights: ['right_to_life'],
  legalBasis: [],
  acts: [{ actId: 'act-1', kind: 'person', targetId: 'person-1', category: 'civil_activist' }],
  perpetrators: [{ perpetratorId: 'p-1', source: 'police', role: 'main' }],
  sources: [
    {
      sourceId: 's-1',
      title: 'Retreating Rights - Kazakhstan: Introduction',
      url: 'https://fpc.org.uk/kz',
    },
  ],
  tags: ['agadil'],
  ...over,
});

const reported: IncidentReported = {
  type: 'IncidentReported',
  data: {
    incidentId: 'inc-1',
    title: 'Death of Dulat Agadil in pre-trial detention',
    country: 'KZ',
    region: 'KZ-71',
    place: 'Nur-Sultan pre-trial detention centre',
    occurred: { date: '2020-02', precision: 'month' },
    type: 'death_in_custody',
    rights: ['right_to_life'],
    legalBasis: [],
    tags: ['agadil'],
    acts: [{ actId: 'act-1', kind: 'person', targetId: 'person-1', category: 'civil_activist' }],
    perpetrators: [{ perpetratorId: 'p-1', source: 'police', role: 'main' }],
    sources: [
      {
        sourceId: 's-1',
        title: 'Retreating Rights - Kazakhstan: Introduction',
        url: 'https://fpc.org.uk/kz',
      },
    ],
  },
};
const retracted: IncidentEvent = {
  type: 'IncidentRetracted',
  data: { reason: 'recorded_in_error' },
};
const correct = (
  over: Partial<Extract<IncidentCommand, { type: 'CorrectIncident' }>> = {},
): IncidentCommand => ({
  type: 'CorrectIncident',
  field: 'title',
  value: 'Death of activist Dulat Agadil in custody',
  reason: 'typo',
  today,
  ...over,
});

describe('Incident decider', () => {
  describe('ReportIncident', () => {
    it('records the incident with its acts, perpetrators and sources in one event', () => {
      given([])
        .when({ type: 'ReportIncident', incidentId: 'inc-1', draft: draft(), today })
        .then([reported]);
    });

    it('refuses a second report of the same incident', () => {
      given([reported])
        .when({ type: 'ReportIncident', incidentId: 'inc-1', draft: draft(), today })
        .thenFails('conflict', 'incident_exists');
    });

    it('names every bad field at once, with the allowed codes', () => {
      const error = given([])
        .when({
          type: 'ReportIncident',
          incidentId: 'inc-1',
          draft: draft({
            title: ' ',
            country: 'XX',
            type: 'arrest',
            rights: ['freedom_of_speech'],
            acts: [{ actId: 'a', kind: 'person', targetId: 't', category: 'activist' }],
          }),
          today,
        })
        .thenFails('invalid', 'invalid_input', [
          'title',
          'country',
          'region',
          'type',
          'rights.0',
          'targets.0.category',
        ]);
      expect(error.errors.find((e) => e.field === 'targets.0.category')?.allowed).toContain(
        'civil_activist',
      );
    });

    it.each([
      ['a day precision without a day', { date: '2020-02', precision: 'day' }, 'occurred.date'],
      ['a date in the future', { date: '2021-08-01', precision: 'day' }, 'occurred.date'],
      ['an impossible date', { date: '2021-02-29', precision: 'day' }, 'occurred.date'],
    ])('refuses %s', (_, occurred, field) => {
      const error = given([])
        .when({ type: 'ReportIncident', incidentId: 'inc-1', draft: draft({ occurred }), today })
        .thenFails('invalid', 'invalid_input');
      expect(error.errors.map((e) => e.field)).toContain(field);
    });

    it('refuses a region of another country and a target listed twice', () => {
      const act = { actId: 'a', kind: 'person' as const, targetId: 't', category: 'lawyer' };
      given([])
        .when({
          type: 'ReportIncident',
          incidentId: 'inc-1',
          draft: draft({ region: 'KG-GB', acts: [act, { ...act, actId: 'b' }] }),
          today,
        })
        .thenFails('invalid', 'invalid_input', ['region', 'targets.1']);
    });

    it('records a location with its precision, and names each bad part of one', () => {
      const location = {
        latitude: 37.48974,
        longitude: 71.55304,
        precision: 'settlement' as const,
      };
      given([])
        .when({
          type: 'ReportIncident',
          incidentId: 'inc-1',
          draft: draft({ location: { ...location, note: 'dropped' } as typeof location }),
          today,
        })
        .then([{ ...reported, data: { ...reported.data, location } }]);
      const error = given([])
        .when({
          type: 'ReportIncident',
          incidentId: 'inc-1',
          draft: draft({
            location: { latitude: 91, longitude: '71.5', precision: 'street' } as never,
          }),
          today,
        })
        .thenFails('invalid', 'invalid_input', [
          'location.latitude',
          'location.longitude',
          'location.precision',
        ]);
      expect(error.errors.at(-1)?.allowed).toContain('exact');
    });
  });

  describe('CorrectIncident', () => {
    it('records the old value, the new one and the reason', () => {
      given([reported])
        .when(correct())
        .then([
          {
            type: 'IncidentCorrected',
            data: {
              field: 'title',
              from: 'Death of Dulat Agadil in pre-trial detention',
              to: 'Death of activist Dulat Agadil in custody',
              reason: 'typo',
            },
          },
        ]);
    });

    it('corrects the location, refusing one out of range', () => {
      const to = { latitude: 38.53575, longitude: 68.77905, precision: 'exact' as const };
      given([reported])
        .when(correct({ field: 'location', value: to, reason: 'new_evidence' }))
        .then([
          {
            type: 'IncidentCorrected',
            data: { field: 'location', from: undefined, to, reason: 'new_evidence' },
          },
        ]);
      given([reported])
        .when(correct({ field: 'location', value: { ...to, longitude: 200 }, reason: 'typo' }))
        .thenFails('invalid', 'invalid_input', ['value.longitude']);
    });

    it('reclassifies one act by its category', () => {
      given([reported])
        .when(
          correct({
            field: 'targetCategory',
            actId: 'act-1',
            value: 'political_activist',
            reason: 'reclassified',
          }),
        )
        .then([
          {
            type: 'IncidentCorrected',
            data: {
              field: 'targetCategory',
              actId: 'act-1',
              from: 'civil_activist',
              to: 'political_activist',
              reason: 'reclassified',
            },
          },
        ]);
    });

    it('normalises a corrected date', () => {
      given([reported])
        .when(
          correct({
            field: 'occurred',
            value: { date: '2020-02-25', precision: 'day' },
            reason: 'new_evidence',
          }),
        )
        .then([
          {
            type: 'IncidentCorrected',
            data: {
              field: 'occurred',
              from: { date: '2020-02', precision: 'month' },
              to: { date: '2020-02-25', precision: 'day' },
              reason: 'new_evidence',
            },
          },
        ]);
    });

    it('refuses to correct a retracted incident', () => {
      given([reported, retracted]).when(correct()).thenFails('conflict', 'incident_retracted');
    });

    it('refuses an absent incident', () => {
      given([]).when(correct()).thenFails('not_found', 'incident_not_found');
    });

    it('refuses an unknown reason, a value equal to the current one, and a day-precise date without a day', () => {
      given([reported])
        .when(correct({ reason: 'because' }))
        .thenFails('invalid', 'invalid_input', ['reason']);
      given([reported])
        .when(correct({ value: reported.data.title }))
        .thenFails('invalid', 'invalid_input', ['value']);
      given([reported])
        .when(
          correct({
            field: 'occurred',
            value: { date: '2020-02', precision: 'day' },
            reason: 'new_evidence',
          }),
        )
        .thenFails('invalid', 'invalid_input', ['value.date']);
    });

    it('refuses a target category correction without a known act', () => {
      given([reported])
        .when(correct({ field: 'targetCategory', value: 'lawyer', reason: 'reclassified' }))
        .thenFails('invalid', 'invalid_input', ['actId']);
      given([reported])
        .when(
          correct({
            field: 'targetCategory',
            actId: 'nope',
            value: 'lawyer',
            reason: 'reclassified',
          }),
        )
        .thenFails('not_found', 'target_not_found');
    });
  });

  describe('targets, perpetrators, sources, outcomes', () => {
    const act = {
      actId: 'act-2',
      kind: 'person' as const,
      targetId: 'person-2',
      category: 'journalist',
    };

    it('refuses an organisation category on a person target', () => {
      given([reported])
        .when({ type: 'AddTarget', act: { ...act, category: 'media_outlet' } })
        .thenFails('invalid', 'invalid_input', ['target.category']);
    });

    it('adds a target, refuses it twice, removes it with a reason', () => {
      given([reported])
        .when({ type: 'AddTarget', act })
        .then([{ type: 'TargetAdded', data: act }]);
      given([reported, { type: 'TargetAdded', data: act }])
        .when({ type: 'AddTarget', act })
        .thenFails('conflict', 'target_already_added');
      given([reported, { type: 'TargetAdded', data: act }])
        .when({ type: 'RemoveTarget', actId: 'act-2', reason: 'recorded_in_error' })
        .then([{ type: 'TargetRemoved', data: { actId: 'act-2', reason: 'recorded_in_error' } }]);
      given([reported])
        .when({ type: 'RemoveTarget', actId: 'act-9', reason: 'recorded_in_error' })
        .thenFails('not_found', 'target_not_found');
    });

    it('adds a perpetrator with a known source and role', () => {
      const perpetrator = { perpetratorId: 'p-2', source: 'court', role: 'secondary' as const };
      given([reported])
        .when({ type: 'AddPerpetrator', perpetrator })
        .then([{ type: 'PerpetratorAdded', data: perpetrator }]);
      given([reported])
        .when({
          type: 'AddPerpetrator',
          perpetrator: { ...perpetrator, source: 'kgb', role: 'boss' as never },
        })
        .thenFails('invalid', 'invalid_input', ['perpetrator.source', 'perpetrator.role']);
    });

    it('attaches a source once, and refuses a bad URL or a future publication date', () => {
      const source = {
        sourceId: 's-2',
        title: 'Kadyr-Kasiyet monitoring',
        url: 'https://kadyrkasiyet.kz/2020',
        publishedOn: '2021-01-15',
      };
      given([reported])
        .when({ type: 'AttachSource', source, today })
        .then([{ type: 'SourceAttached', data: source }]);
      given([reported, { type: 'SourceAttached', data: source }])
        .when({ type: 'AttachSource', source: { ...source, sourceId: 's-3' }, today })
        .thenFails('conflict', 'source_already_attached');
      given([reported])
        .when({
          type: 'AttachSource',
          source: { ...source, url: 'javascript:alert(1)', publishedOn: '2030-01-01' },
          today,
        })
        .thenFails('invalid', 'invalid_input', ['source.url', 'source.publishedOn']);
    });

    it('records an outcome with a sentence and a fine in MCI of a given year', () => {
      const outcome = {
        outcomeId: 'o-1',
        type: 'convicted',
        actId: 'act-1',
        date: '2020-03-02',
        freedomRestrictionMonths: 24,
        fine: { amount: 70, unit: 'mci', mciYear: 2020 },
      };
      given([reported])
        .when({ type: 'RecordOutcome', outcome, today })
        .then([{ type: 'OutcomeRecorded', data: outcome }]);
      given([reported])
        .when({
          type: 'RecordOutcome',
          outcome: { ...outcome, fine: { amount: 70, unit: 'mci' } },
          today,
        })
        .thenFails('invalid', 'invalid_input', ['outcome.fine.mciYear']);
      given([reported])
        .when({ type: 'RecordOutcome', outcome: { ...outcome, actId: 'act-9' }, today })
        .thenFails('not_found', 'target_not_found');
    });
  });

  describe('VerifyIncident', () => {
    const second = {
      type: 'SourceAttached' as const,
      data: { sourceId: 's-2', title: 'HRW report', url: 'https://www.hrw.org/kz' },
    };

    it('verifies with two independent sources', () => {
      given([reported, second])
        .when({ type: 'VerifyIncident' })
        .then([{ type: 'IncidentVerified', data: { independentSources: 2 } }]);
    });

    it('refuses to verify with one source unless an override reason is given', () => {
      given([reported])
        .when({ type: 'VerifyIncident' })
        .thenFails('rule', 'needs_two_independent_sources');
      given([reported])
        .when({ type: 'VerifyIncident', overrideReason: 'court record seen by the verifier' })
        .then([
          {
            type: 'IncidentVerified',
            data: { independentSources: 1, overrideReason: 'court record seen by the verifier' },
          },
        ]);
    });

    it('counts two pages of one publisher as one source', () => {
      const samePublisher = {
        type: 'SourceAttached' as const,
        data: { sourceId: 's-3', title: 'Another FPC page', url: 'https://www.fpc.org.uk/other' },
      };
      given([reported, samePublisher])
        .when({ type: 'VerifyIncident' })
        .thenFails('rule', 'needs_two_independent_sources');
    });

    it('refuses to verify twice', () => {
      given([reported, second, { type: 'IncidentVerified', data: { independentSources: 2 } }])
        .when({ type: 'VerifyIncident' })
        .thenFails('conflict', 'already_verified');
    });
  });

  describe('RetractIncident', () => {
    it('retracts with a reason', () => {
      given([reported])
        .when({ type: 'RetractIncident', reason: 'duplicate_entry', note: 'entered twice' })
        .then([
          { type: 'IncidentRetracted', data: { reason: 'duplicate_entry', note: 'entered twice' } },
        ]);
    });

    it('refuses to retract twice, and an unknown reason', () => {
      given([reported, retracted])
        .when({ type: 'RetractIncident', reason: 'other' })
        .thenFails('conflict', 'incident_retracted');
      given([reported])
        .when({ type: 'RetractIncident', reason: 'bored' })
        .thenFails('invalid', 'invalid_input', ['reason']);
    });
  });

  describe('RedactIncident', () => {
    it('redacts free-text fields, a retracted incident too; tags become the one replacement tag', () => {
      given([reported, retracted])
        .when({
          type: 'RedactIncident',
          fields: ['title', 'tags'],
          replacement: ' Death ',
          reason: ' names ',
        })
        .then([
          {
            type: 'IncidentRedacted',
            data: {
              fields: ['title', 'tags'],
              reason: 'names',
              replacements: { title: 'Death', tags: ['Death'] },
            },
          },
        ]);
    });

    it('folds into every redacted field, each source title included, and leaves the rest', () => {
      const state = fold(incidentDecider, [
        reported,
        {
          type: 'IncidentRedacted',
          data: {
            fields: ['title', 'sourceTitles', 'description'],
            reason: 'names',
            replacements: { title: 'X', sourceTitles: 'X', description: 'X' },
          },
        },
      ]);
      expect(state.facts).toMatchObject({
        title: 'X',
        place: reported.data.place,
        tags: ['agadil'],
      });
      expect(state.facts?.description).toBeUndefined(); // it had none
      expect(state.sources.map((s) => s.title)).toEqual(['X']);
    });

    it('refuses unknown or repeated fields, none, an empty reason, and an absent incident', () => {
      given([reported])
        .when({ type: 'RedactIncident', fields: ['name' as never, 'title', 'title'], reason: '' })
        .thenFails('invalid', 'invalid_input', ['fields.0', 'fields.2', 'reason']);
      given([reported])
        .when({ type: 'RedactIncident', fields: [], reason: 'r' })
        .thenFails('invalid', 'invalid_input', ['fields']);
      given([])
        .when({ type: 'RedactIncident', fields: ['title'], reason: 'r' })
        .thenFails('not_found', 'incident_not_found');
    });
  });

  describe('duplicates', () => {
    const marked: IncidentEvent = {
      type: 'IncidentMarkedDuplicate',
      data: { duplicateOf: 'inc-0' },
    };

    it('marks a duplicate of another incident and undoes it', () => {
      given([reported])
        .when({ type: 'MarkDuplicate', incidentId: 'inc-1', duplicateOf: 'inc-0' })
        .then([marked]);
      given([reported, marked])
        .when({ type: 'UndoDuplicate', note: 'different dates' })
        .then([
          {
            type: 'IncidentDuplicateUndone',
            data: { duplicateOf: 'inc-0', note: 'different dates' },
          },
        ]);
    });

    it('refuses a duplicate of itself, marking twice, and undoing what is not marked', () => {
      given([reported])
        .when({ type: 'MarkDuplicate', incidentId: 'inc-1', duplicateOf: 'inc-1' })
        .thenFails('invalid', 'invalid_input', ['duplicateOf']);
      given([reported, marked])
        .when({ type: 'MarkDuplicate', incidentId: 'inc-1', duplicateOf: 'inc-2' })
        .thenFails('conflict', 'already_duplicate');
      given([reported]).when({ type: 'UndoDuplicate' }).thenFails('conflict', 'not_a_duplicate');
    });
  });

  it('folds corrections and removals into the current state', () => {
    const events: IncidentEvent[] = [
      reported,
      {
        type: 'IncidentCorrected',
        data: { field: 'title', from: 'a', to: 'New title', reason: 'typo' },
      },
      {
        type: 'IncidentCorrected',
        data: {
          field: 'targetCategory',
          actId: 'act-1',
          from: 'civil_activist',
          to: 'lawyer',
          reason: 'reclassified',
        },
      },
      {
        type: 'TargetAdded',
        data: { actId: 'act-2', kind: 'organisation', targetId: 'org-1', category: 'ngo' },
      },
      { type: 'TargetRemoved', data: { actId: 'act-2', reason: 'recorded_in_error' } },
    ];
    const state = fold(incidentDecider, events);
    expect(state.facts?.title).toBe('New title');
    expect(state.acts).toEqual([
      { actId: 'act-1', kind: 'person', targetId: 'person-1', category: 'lawyer' },
    ]);
  });
});
