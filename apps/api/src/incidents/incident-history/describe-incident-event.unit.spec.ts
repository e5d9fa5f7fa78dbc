import { IncidentEvent, LANGS } from '@app/domain';
import { describeIncidentEvent } from './describe-incident-event';

const ID = '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11';
const EVENTS: IncidentEvent[] = [
  {
    type: 'IncidentReported',
    data: {
      incidentId: ID,
      title: 'Задержание блогера',
      country: 'KZ',
      occurred: { date: '2020-02', precision: 'month' },
      type: 'detention',
      rights: [],
      legalBasis: [],
      tags: [],
      acts: [{ actId: ID, kind: 'person', targetId: ID, category: 'journalist' }],
      perpetrators: [{ perpetratorId: ID, source: 'police', role: 'main' }],
      sources: [],
    },
  },
  {
    type: 'IncidentCorrected',
    data: { field: 'place', from: 'А', to: 'Б', reason: 'new_evidence' },
  },
  {
    type: 'IncidentCorrected',
    data: { field: 'targetCategory', actId: ID, from: 'journalist', to: 'lawyer', reason: 'typo' },
  },
  {
    type: 'TargetAdded',
    data: { actId: ID, kind: 'organisation', targetId: ID, category: 'media_outlet' },
  },
  { type: 'TargetRemoved', data: { actId: ID, reason: 'recorded_in_error' } },
  { type: 'PerpetratorAdded', data: { perpetratorId: ID, source: 'court', role: 'secondary' } },
  { type: 'SourceAttached', data: { sourceId: ID, title: 'Азаттык' } },
  { type: 'OutcomeRecorded', data: { outcomeId: ID, type: 'charged' } },
  { type: 'IncidentVerified', data: { independentSources: 2 } },
  { type: 'IncidentVerified', data: { independentSources: 1, overrideReason: 'Суд' } },
  { type: 'IncidentRetracted', data: { reason: 'duplicate_entry' } },
  { type: 'IncidentMarkedDuplicate', data: { duplicateOf: ID } },
  { type: 'IncidentDuplicateUndone', data: { duplicateOf: ID } },
];

/** What is left of an entry once the ids, dates and numbers it quotes are taken out (titles and
 * notes quoted are free text, here in Russian). */
const words = (text: string | undefined) =>
  (text ?? '').replace(new RegExp(ID, 'g'), '').replace(/[\d-]+/g, '');

describe('incident history entries', () => {
  it.each(LANGS.filter((l) => l !== 'en'))(
    'are written in %s alone, summary and reason',
    (lang) => {
      for (const event of EVENTS) {
        const entry = describeIncidentEvent(event, lang);
        expect({ type: event.type, text: words(entry.summary) + words(entry.reason) }).not.toEqual({
          type: event.type,
          text: expect.stringMatching(/[A-Za-z]/),
        });
      }
    },
  );

  it('are written in English alone for en, with the codes beside the labels', () => {
    for (const event of EVENTS.filter(
      (e) => e.type !== 'IncidentReported' && e.type !== 'SourceAttached',
    )) {
      const entry = describeIncidentEvent(event, 'en');
      expect({ type: event.type, text: entry.summary }).not.toEqual({
        type: event.type,
        text: expect.stringMatching(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіҶҷӢӣӮӯ]/),
      });
    }
    expect(describeIncidentEvent(EVENTS[0], 'ru').codes).toEqual({
      incident_type: 'detention',
      country: 'KZ',
    });
    expect(describeIncidentEvent(EVENTS[1], 'ru')).toMatchObject({
      summary: 'Исправлено: место',
      reasonCode: 'new_evidence',
    });
  });
});
