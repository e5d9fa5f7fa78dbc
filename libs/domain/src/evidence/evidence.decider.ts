import { Decider, DomainEvent } from '../decider';
import { DomainError } from '../errors';
import { Problems } from '../incidents/incident.validation';
import { withoutUndefined } from '../without-undefined';

/**
 * An evidence file attached to an incident or to one of its sources: a court decision, a
 * photo of a summons, a screenshot of a deleted post. Stream `evidence-<id>`. The events hold
 * what the file is (digest, size, media type sniffed from its bytes), never its content nor
 * its name as uploaded (a file name can name a person): the bytes are stored encrypted under
 * the file's own key, and removal destroys that key.
 */
export interface AttachEvidence {
  type: 'AttachEvidence';
  evidenceId: string;
  incidentId: string;
  /** The source of the incident it documents, when it documents one. */
  sourceId?: string;
  /** Hex SHA-256 of the bytes as stored. */
  sha256: string;
  size: number;
  mediaType: string;
  /** EXIF, GPS and other embedded metadata were removed before storing. */
  metadataStripped: boolean;
}

export interface RemoveEvidence {
  type: 'RemoveEvidence';
  reason: string;
}

export type EvidenceCommand = AttachEvidence | RemoveEvidence;

export type EvidenceAttached = DomainEvent<'EvidenceAttached', Omit<AttachEvidence, 'type'>>;
export type EvidenceRemoved = DomainEvent<'EvidenceRemoved', { reason: string }>;
export type EvidenceEvent = EvidenceAttached | EvidenceRemoved;

export type EvidenceState =
  { status: 'absent' } | ({ status: 'attached' | 'removed' } & EvidenceAttached['data']);

const SHA256 = /^[0-9a-f]{64}$/;
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;
const MAX_REASON = 500;

export const evidenceDecider: Decider<EvidenceCommand, EvidenceEvent, EvidenceState> = {
  initialState: { status: 'absent' },
  decide(command, state) {
    if (command.type === 'AttachEvidence') {
      if (state.status !== 'absent') {
        throw new DomainError('conflict', 'evidence_exists', 'this evidence is already attached');
      }
      const p = new Problems();
      if (!SHA256.test(command.sha256)) p.add('sha256', 'must be a hex SHA-256');
      if (!Number.isInteger(command.size) || command.size < 1) {
        p.add('file', 'is empty: a file of at least one byte');
      }
      if (!MEDIA_TYPE.test(command.mediaType)) p.add('mediaType', 'must be a media type');
      if (p.errors.length > 0) throw DomainError.invalid(p.errors);
      const { type: _type, ...data } = command;
      return [{ type: 'EvidenceAttached', data: withoutUndefined(data) }];
    }
    if (state.status === 'absent') {
      throw new DomainError('not_found', 'evidence_not_found', 'no such evidence');
    }
    if (state.status === 'removed') {
      throw new DomainError('conflict', 'evidence_removed', 'this evidence was already removed');
    }
    const p = new Problems();
    p.text('reason', command.reason, { required: true, max: MAX_REASON });
    if (p.errors.length > 0) throw DomainError.invalid(p.errors);
    return [{ type: 'EvidenceRemoved', data: { reason: command.reason.trim() } }];
  },
  evolve(state, event) {
    switch (event.type) {
      case 'EvidenceAttached':
        return { status: 'attached', ...event.data };
      case 'EvidenceRemoved':
        return state.status === 'absent' ? state : { ...state, status: 'removed' };
    }
  },
};
