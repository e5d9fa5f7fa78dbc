import { Body, Controller, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, RequestLike } from '@app/application/command-request';
import { CommandResponseDto } from '@app/application/command-response.dto';
import { ApiIdempotencyKey, ApiProblems } from '../../http/openapi.decorators';
import { ReasonForTheRecord } from '../../http/reason-for-the-record.decorator';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { RECORDER_ROLES } from '../../targets/redaction';
import { IncidentId } from '../../incidents/incident-change.http';
import { RemoveEvidenceCommand } from './remove-evidence.command';

export class RemoveEvidenceRequestDto {
  @ReasonForTheRecord('Uploaded to the wrong incident')
  reason!: string;
}

@ApiTags('evidence')
@Controller('incidents')
export class RemoveEvidenceHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/evidence/:evidenceId/removal')
  @Roles(...RECORDER_ROLES)
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Remove an evidence file for good: its key is destroyed, the removal recorded',
    description:
      'Destroys the file key and the ciphertext, then records `EvidenceRemoved` with the ' +
      'reason. Irreversible; the digest, size and media type stay in the history. 409 if ' +
      'already removed.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  @ApiParam({
    name: 'evidenceId',
    format: 'uuid',
    example: '0b7c6d7e-8f90-4a1b-9c2d-3e4f5a6b7c8d',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CommandResponseDto })
  @ApiProblems(400, 404, 409, 422)
  remove(
    @IncidentId() id: string,
    @Param('evidenceId', UuidParamPipe) evidenceId: string,
    @Body() body: RemoveEvidenceRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    return this.commandBus.execute(
      new RemoveEvidenceCommand(id, evidenceId, body.reason, commandContext(request, actor)),
    );
  }
}
