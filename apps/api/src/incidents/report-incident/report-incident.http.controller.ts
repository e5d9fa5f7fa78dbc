import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ProblemDetailsDto } from '../../problem/problem-details.dto';
import { commandContext, RequestLike } from '@app/application/command-request';
import { ReportIncidentCommand } from '@app/application/incidents/report-incident.handler';
import { ReportIncidentRequestDto } from '@app/application/incidents/report-incident.request.dto';
import { ReportIncidentResponseDto } from '@app/application/incidents/report-incident.response.dto';

@ApiTags('incidents')
@Controller('incidents')
export class ReportIncidentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin', 'monitor')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Report an incident with its targets, perpetrators and sources in one request',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key records nothing new',
  })
  @ApiCreatedResponse({ type: ReportIncidentResponseDto })
  @ApiBadRequestResponse({
    type: ProblemDetailsDto,
    description: 'Names each bad field and the allowed values',
  })
  report(
    @Body() body: ReportIncidentRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<ReportIncidentResponseDto> {
    return this.commands.execute(new ReportIncidentCommand(body, commandContext(request, actor)));
  }
}
