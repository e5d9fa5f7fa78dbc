import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { IncidentChange, IncidentId } from '../incident-change.http';
import { RedactIncidentCommand } from './redact-incident.handler';
import { RedactIncidentRequestDto } from './redact-incident.request.dto';
import { RedactIncidentResponseDto } from './redact-incident.response.dto';

@ApiTags('incidents')
@Controller('incidents')
export class RedactIncidentHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Admins only, as erasure: what it destroys cannot be had back. */
  @Post(':id/redactions')
  @Roles('admin')
  @IncidentChange(
    'Redact free text: every version so far of the fields becomes unreadable (log, read models, exports); the history says who, when and why',
  )
  @ApiCreatedResponse({ type: RedactIncidentResponseDto })
  handle(
    @IncidentId() id: string,
    @Body() body: RedactIncidentRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<RedactIncidentResponseDto> {
    return this.commands.execute(
      new RedactIncidentCommand(id, body, commandContext(request, actor), ifMatchVersion(request)),
    );
  }
}
