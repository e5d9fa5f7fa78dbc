import { IncidentEvent } from '../incidents/incident.events';
import { countSnapshotChanges, snapshotChangeOf } from './snapshot-diff';

describe('Snapshot diff: what each incident event changed', () => {
  const id = 'incident-1';
  const change = (event: IncidentEvent) => snapshotChangeOf(id, event);

  it('a report is an addition', () => {
    const reported = {
      type: 'IncidentReported',
      data: { incidentId: id },
    } as unknown as IncidentEvent;
    expect(change(reported)).toEqual({ incidentId: id, change: 'added' });
  });

  it('a new type or target category is a reclassification, with the values and reason as recorded', () => {
    expect(
      change({
        type: 'IncidentCorrected',
        data: {
          field: 'targetCategory',
          actId: 'act-1',
          from: 'civil_activist',
          to: 'lawyer',
          reason: 'reclassified',
          note: 'Licensed advocate since 2019',
        },
      }),
    ).toEqual({
      incidentId: id,
      change: 'reclassified',
      field: 'targetCategory',
      actId: 'act-1',
      from: 'civil_activist',
      to: 'lawyer',
      reason: 'reclassified',
      note: 'Licensed advocate since 2019',
    });
    expect(
      change({
        type: 'IncidentCorrected',
        data: { field: 'type', from: 'detention', to: 'administrative_arrest', reason: 'typo' },
      }),
    ).toMatchObject({ change: 'reclassified', field: 'type' });
  });

  it('other corrections and target changes are corrections', () => {
    expect(
      change({
        type: 'IncidentCorrected',
        data: {
          field: 'occurred',
          from: { date: '2020' },
          to: { date: '2020-02' },
          reason: 'new_evidence',
        },
      }),
    ).toMatchObject({ change: 'corrected', field: 'occurred', reason: 'new_evidence' });
    expect(
      change({
        type: 'TargetAdded',
        data: { actId: 'act-2', kind: 'person', targetId: 'p-2', category: 'journalist' },
      }),
    ).toEqual({
      incidentId: id,
      change: 'corrected',
      field: 'targets',
      actId: 'act-2',
      to: { kind: 'person', targetId: 'p-2', category: 'journalist' },
    });
    expect(
      change({ type: 'TargetRemoved', data: { actId: 'act-2', reason: 'recorded_in_error' } }),
    ).toEqual({
      incidentId: id,
      change: 'corrected',
      field: 'targets',
      actId: 'act-2',
      reason: 'recorded_in_error',
    });
  });

  it('retractions, merges and undone merges', () => {
    expect(
      change({ type: 'IncidentRetracted', data: { reason: 'duplicate_entry', note: 'Twice' } }),
    ).toEqual({ incidentId: id, change: 'retracted', reason: 'duplicate_entry', note: 'Twice' });
    expect(
      change({ type: 'IncidentMarkedDuplicate', data: { duplicateOf: 'incident-0' } }),
    ).toEqual({ incidentId: id, change: 'merged', to: 'incident-0' });
    expect(
      change({ type: 'IncidentDuplicateUndone', data: { duplicateOf: 'incident-0' } }),
    ).toEqual({ incidentId: id, change: 'unmerged', from: 'incident-0' });
  });

  it('sources, outcomes, perpetrators and verification are not listed', () => {
    expect(change({ type: 'IncidentVerified', data: { independentSources: 2 } })).toBeUndefined();
    expect(
      change({
        type: 'PerpetratorAdded',
        data: { perpetratorId: 'x', source: 'police', role: 'main' },
      }),
    ).toBeUndefined();
  });

  it('counts every kind, zeros included', () => {
    expect(
      countSnapshotChanges([
        { change: 'reclassified' },
        { change: 'reclassified' },
        { change: 'retracted' },
      ]),
    ).toEqual({ added: 0, reclassified: 2, corrected: 0, retracted: 1, merged: 0, unmerged: 0 });
  });
});
