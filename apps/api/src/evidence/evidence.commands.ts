import { createHash } from 'node:crypto';
import {
  GoneException,
  Inject,
  Injectable,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Actor, CommandContext, CommandExecutor, IdSource } from '@app/application';
import {
  DomainError,
  EvidenceAttached,
  evidenceDecider,
  EvidenceState,
  fold,
  incidentDecider,
  IncidentState,
} from '@app/domain';
import { EVIDENCE_STORAGE, EvidenceStorage } from '@app/protection';
import { ValidationException } from '@app/application/validation.exception';
import { incidentStream } from '@app/application/streams';
import { inspectFile } from './attach-evidence/inspect-file';
import { stripMetadata } from './attach-evidence/strip-metadata';

/** The largest evidence file kept: scans, photos and short videos fit; films do not. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;
/** Files per incident: a limit on what one account can pile up, not on what a case needs. */
export const MAX_EVIDENCE_PER_INCIDENT = 50;

export const evidenceStream = (id: string) => `evidence-${id}`;

export interface Upload {
  bytes: Buffer;
  sourceId?: string;
  /** The monitor keeps EXIF/GPS on purpose (e.g. to prove where a photo was taken). */
  keepMetadata: boolean;
}

export interface AttachedEvidence {
  id: string;
  version: number;
  position: string;
  sha256: string;
  size: number;
  mediaType: string;
  metadataStripped: boolean;
}

export type EvidenceRecord = EvidenceAttached['data'] & {
  status: 'attached' | 'removed';
  recordedAt: string;
  recordedBy: string | null;
};

/**
 * Evidence files of incidents: checked, stripped of metadata, encrypted under their own key
 * (the storage port), and recorded as events on their own stream.
 */
@Injectable()
export class EvidenceFiles {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
  ) {}

  async attach(
    incidentId: string,
    upload: Upload,
    context: CommandContext,
  ): Promise<AttachedEvidence> {
    const { workspaceId } = context.actor;
    if (upload.bytes.length === 0) {
      throw new ValidationException([{ field: 'file', message: 'is empty: nothing to keep' }]);
    }
    const incident = await this.incident(incidentId, context.actor);
    if (
      upload.sourceId !== undefined &&
      !incident.sources.some((s) => s.sourceId === upload.sourceId)
    ) {
      throw new ValidationException([
        { field: 'sourceId', message: 'no such source of this incident' },
      ]);
    }
    if ((await this.storage.countFor(workspaceId, incidentId)) >= MAX_EVIDENCE_PER_INCIDENT) {
      throw new PayloadTooLargeException(
        `This incident already has ${MAX_EVIDENCE_PER_INCIDENT} evidence files, the most it may have. Remove one first.`,
      );
    }
    const inspection = await inspectFile(upload.bytes);
    if (!inspection.ok) throw new UnsupportedMediaTypeException(inspection.detail);
    const { bytes, stripped } = upload.keepMetadata
      ? { bytes: upload.bytes, stripped: false }
      : stripMetadata(upload.bytes, inspection.mediaType);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // The digest is part of the scope: a retry of this upload is one file, another file is another.
    const ids = IdSource.for(
      workspaceId,
      context.idempotencyKey,
      `POST /incidents/${incidentId}/evidence ${sha256}`,
    );
    const evidenceId = ids.id('evidence');
    // The bytes before the event: a crash in between leaves an unlisted ciphertext, never an
    // event whose file is missing.
    await this.storage.put({ workspaceId, evidenceId, incidentId }, bytes);
    const result = await this.executor.execute({
      streamId: evidenceStream(evidenceId),
      id: evidenceId,
      decider: evidenceDecider,
      command: () => ({
        type: 'AttachEvidence' as const,
        evidenceId,
        incidentId,
        ...(upload.sourceId !== undefined && { sourceId: upload.sourceId }),
        sha256,
        size: bytes.length,
        mediaType: inspection.mediaType,
        metadataStripped: stripped,
      }),
      context,
      ids,
    });
    return {
      ...result,
      sha256,
      size: bytes.length,
      mediaType: inspection.mediaType,
      metadataStripped: stripped,
    };
  }

  /** The incident's files, attached and removed, oldest first. */
  async list(incidentId: string, actor: Actor): Promise<(EvidenceRecord & { id: string })[]> {
    await this.incident(incidentId, actor);
    const ids = await this.storage.idsFor(actor.workspaceId, incidentId);
    const records = await Promise.all(ids.map((id) => this.record(incidentId, id, actor)));
    return records
      .map((r, i) => ({ id: ids[i], ...r }))
      .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
  }

  /** The plain bytes, for the roles that may see the case; 410 once removed. */
  async download(
    incidentId: string,
    evidenceId: string,
    actor: Actor,
  ): Promise<{ record: EvidenceRecord; bytes: Buffer }> {
    const record = await this.record(incidentId, evidenceId, actor);
    const bytes =
      record.status === 'removed'
        ? 'destroyed'
        : await this.storage.get({ workspaceId: actor.workspaceId, evidenceId });
    if (bytes === 'destroyed') {
      throw new GoneException('This evidence file was removed: its key is destroyed.');
    }
    if (bytes === undefined) throw notFound();
    return { record, bytes };
  }

  /** Destroys the file's key and content, then records why (the order of a person's erasure). */
  async remove(incidentId: string, evidenceId: string, reason: string, context: CommandContext) {
    const workspaceId = context.actor.workspaceId;
    const streamId = evidenceStream(evidenceId);
    const ids = IdSource.for(
      workspaceId,
      context.idempotencyKey,
      `POST /incidents/${incidentId}/evidence/${evidenceId}/removal`,
    );
    const history = await this.executor.load(streamId);
    const state = fold(
      evidenceDecider,
      history.events.map((e) => e.domainEvent as never),
    );
    if (
      history.events.length === 0 ||
      history.workspaceId !== workspaceId ||
      state.status === 'absent' ||
      state.incidentId !== incidentId
    ) {
      throw notFound();
    }
    const replayed = history.events.some((e) => e.eventId === ids.id('event:0'));
    if (!replayed) {
      // Everything that would refuse the removal is checked before the key goes.
      evidenceDecider.decide({ type: 'RemoveEvidence', reason }, state);
      await this.storage.destroy({ workspaceId, evidenceId });
    }
    return this.executor.execute({
      streamId,
      id: evidenceId,
      decider: evidenceDecider,
      command: () => ({ type: 'RemoveEvidence' as const, reason }),
      context,
      ids,
      mustExist: true,
    });
  }

  private async record(
    incidentId: string,
    evidenceId: string,
    actor: Actor,
  ): Promise<EvidenceRecord> {
    const history = await this.executor.load(evidenceStream(evidenceId));
    const state: EvidenceState = fold(
      evidenceDecider,
      history.events.map((e) => e.domainEvent as never),
    );
    if (
      history.events.length === 0 ||
      history.workspaceId !== actor.workspaceId ||
      state.status === 'absent' ||
      state.incidentId !== incidentId
    ) {
      throw notFound();
    }
    const { status, ...data } = state;
    return {
      ...data,
      status,
      recordedAt: history.events[0].recordedAt,
      recordedBy: history.events[0].actorId ?? null,
    };
  }

  private async incident(incidentId: string, actor: Actor): Promise<IncidentState> {
    const history = await this.executor.load(incidentStream(incidentId));
    if (history.events.length === 0 || history.workspaceId !== actor.workspaceId) {
      throw new DomainError('not_found', 'incident_not_found', 'no such incident');
    }
    return fold(
      incidentDecider,
      history.events.map((e) => e.domainEvent as never),
    );
  }
}

function notFound(): DomainError {
  return new DomainError(
    'not_found',
    'evidence_not_found',
    'no such evidence file of this incident',
  );
}
