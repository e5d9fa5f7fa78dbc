import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, RequestLike } from '@app/application/command-request';
import { CommandResponseDto } from '@app/application/command-response.dto';
import { ApiIdempotencyKey, ApiProblems } from '../../http/openapi.decorators';
import { RecordReferenceFigureCommand } from './record-reference-figure.handler';
import { RecordReferenceFigureRequestDto } from './record-reference-figure.request.dto';

@ApiTags('reference figures')
@Controller('reference-figures')
export class RecordReferenceFigureHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @Roles('admin', 'monitor', 'analyst')
  @ApiOperation({
    summary: "Record a third party's published figure, with its attribution",
    description:
      'A figure no incident rows stand behind ("HRW documented over 130 art. 405 cases"). `GET /stats?includeReference=true` shows it beside our own count of the same breakdown: same measure, a code for every group-by, its other dimensions fixed by filters, its period inside the period asked.',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CommandResponseDto })
  @ApiProblems(400, 422)
  record(
    @Body() body: RecordReferenceFigureRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<CommandResult> {
    return this.commands.execute(
      new RecordReferenceFigureCommand(body, commandContext(request, actor)),
    );
  }
}
