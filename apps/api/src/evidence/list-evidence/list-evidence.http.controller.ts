import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { FULL_DETAIL_ROLES } from '../../targets/redaction';
import { IncidentId } from '../../incidents/incident-change.http';
import { EvidenceListResponseDto } from '../evidence.response.dto';
import { ListEvidenceQuery } from './list-evidence.query';

@ApiTags('evidence')
@Controller('incidents')
export class ListEvidenceHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/evidence')
  @Roles(...FULL_DETAIL_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: "The incident's evidence files: digest, size, media type, who attached them and when",
    description:
      'Admins, monitors and verifiers: a file can show a person, so analysts see none. ' +
      'Removed files stay listed with `status: removed`.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  @ApiOkResponse({ type: EvidenceListResponseDto, description: 'The files, oldest first.' })
  @ApiProblems(400, 404)
  list(@IncidentId() id: string, @CurrentActor() actor: Actor): Promise<EvidenceListResponseDto> {
    return this.queryBus.execute(new ListEvidenceQuery(id, actor));
  }
}
