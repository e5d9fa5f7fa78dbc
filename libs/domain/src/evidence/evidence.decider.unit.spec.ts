import { specFor } from '../decider.spec-helper';
import { AttachEvidence, EvidenceAttached, evidenceDecider } from './evidence.decider';

const spec = specFor(evidenceDecider);
const attach: AttachEvidence = {
  type: 'AttachEvidence',
  evidenceId: 'e1',
  incidentId: 'i1',
  sha256: 'a'.repeat(64),
  size: 10,
  mediaType: 'application/pdf',
  metadataStripped: false,
};
const attached: EvidenceAttached = {
  type: 'EvidenceAttached',
  data: {
    evidenceId: 'e1',
    incidentId: 'i1',
    sha256: 'a'.repeat(64),
    size: 10,
    mediaType: 'application/pdf',
    metadataStripped: false,
  },
};

describe('evidenceDecider', () => {
  it('attaches a file once', () => {
    spec().when(attach).then([attached]);
    spec([attached]).when(attach).thenFails('conflict', 'evidence_exists');
  });

  it('refuses an empty file and a malformed digest, naming the fields', () => {
    spec()
      .when({ ...attach, size: 0, sha256: 'nope' })
      .thenFails('invalid', 'invalid_input', ['sha256', 'file']);
  });

  it('removes with a reason, once', () => {
    spec([attached])
      .when({ type: 'RemoveEvidence', reason: ' Wrong file ' })
      .then([{ type: 'EvidenceRemoved', data: { reason: 'Wrong file' } }]);
    spec([attached])
      .when({ type: 'RemoveEvidence', reason: ' ' })
      .thenFails('invalid', 'invalid_input', ['reason']);
    spec([attached, { type: 'EvidenceRemoved', data: { reason: 'x' } }])
      .when({ type: 'RemoveEvidence', reason: 'again' })
      .thenFails('conflict', 'evidence_removed');
    spec()
      .when({ type: 'RemoveEvidence', reason: 'x' })
      .thenFails('not_found', 'evidence_not_found');
  });
});
