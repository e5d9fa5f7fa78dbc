import { Query } from '@nestjs/cqrs';
import { Readable } from 'node:stream';
import { Actor } from '@app/application';
import { CaseFormat } from '@app/exports/cases/case-rows';
import { ExportIncidentsRequestDto } from './export-incidents.request.dto';

/** The file, ready to stream: its rows are read from the database while it is sent. */
export interface CaseExport {
  format: CaseFormat;
  filename: string;
  /** The position the rows stand at, and when it was recorded (null: nothing yet). */
  position: string;
  positionTime: string | null;
  content: Readable;
}

/** GET /incidents/export as asked, in the format the controller negotiated. */
export class ExportIncidentsQuery extends Query<CaseExport> {
  constructor(
    readonly actor: Actor,
    readonly request: ExportIncidentsRequestDto,
    readonly format: CaseFormat,
  ) {
    super();
  }
}
