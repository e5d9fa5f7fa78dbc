import { specFor } from '../decider.spec-helper';
import { SnapshotEvent, snapshotDecider } from './snapshot.decider';

const given = specFor(snapshotDecider);
const position = '00000000000000000742.00000000000000001234';

const annualReport: SnapshotEvent = {
  type: 'SnapshotPinned',
  data: {
    snapshotId: 'snapshot-1',
    name: 'Kadyr-Kasiyet annual report 2020',
    position,
    pinnedAt: '2021-07-22T10:00:00.000Z',
  },
};

describe('Snapshot decider', () => {
  it('pins a position under a name', () => {
    given([])
      .when({
        type: 'PinSnapshot',
        snapshotId: 'snapshot-1',
        name: ' Kadyr-Kasiyet annual report 2020 ',
        position,
        pinnedAt: '2021-07-22T10:00:00.000Z',
      })
      .then([annualReport]);
  });

  it('keeps the note', () => {
    given([])
      .when({
        type: 'PinSnapshot',
        snapshotId: 'snapshot-2',
        name: 'Retreating Rights - Kazakhstan',
        note: 'Figures quoted in the July 2021 publication',
        position,
      })
      .then([
        {
          type: 'SnapshotPinned',
          data: {
            snapshotId: 'snapshot-2',
            name: 'Retreating Rights - Kazakhstan',
            note: 'Figures quoted in the July 2021 publication',
            position,
          },
        },
      ]);
  });

  it('pins an empty ledger at the start position', () => {
    given([])
      .when({ type: 'PinSnapshot', snapshotId: 's', name: 'Before the first case', position: '' })
      .then([
        {
          type: 'SnapshotPinned',
          data: { snapshotId: 's', name: 'Before the first case', position: '' },
        },
      ]);
  });

  it('refuses an empty name, a long note and a pinnedAt that is not a UTC time', () => {
    given([])
      .when({
        type: 'PinSnapshot',
        snapshotId: 's',
        name: '  ',
        note: 'x'.repeat(2001),
        position,
        pinnedAt: '22 July 2021',
      })
      .thenFails('invalid', 'invalid_input', ['name', 'note', 'pinnedAt']);
  });

  it('refuses to pin the same snapshot twice', () => {
    given([annualReport])
      .when({ type: 'PinSnapshot', snapshotId: 'snapshot-1', name: 'Again', position })
      .thenFails('conflict', 'snapshot_exists');
  });
});
