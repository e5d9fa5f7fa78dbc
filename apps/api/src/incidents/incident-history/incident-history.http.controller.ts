import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { isLang, LANGS } from '@app/domain';
import { ProblemDetailsDto } from '../../problem/problem-details.dto';
import { ValidationException } from '@app/application/validation.exception';
import { IncidentId } from '../incident-change.http';
import { IncidentHistoryQuery } from './incident-history.query';
import { IncidentHistoryResponseDto } from './incident-history.response.dto';

@ApiTags('incidents')
@Controller('incidents')
export class IncidentHistoryHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id/history')
  @Roles('admin', 'monitor', 'verifier')
  @ApiOperation({
    summary: 'The whole history: nothing is overwritten, every correction keeps the original value',
    description:
      'Each entry is written in `lang` alone: its summary, the labels it names and the reason; ' +
      '`codes` and `reasonCode` give the codes beside the labels. Titles and notes are quoted as written.',
  })
  @ApiQuery({ name: 'lang', required: false, enum: LANGS, example: 'ru' })
  @ApiOkResponse({ type: IncidentHistoryResponseDto })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  history(
    @IncidentId() id: string,
    @CurrentActor() actor: Actor,
    @Query('lang') lang: string = 'en',
  ): Promise<IncidentHistoryResponseDto> {
    if (!isLang(lang))
      throw new ValidationException([
        { field: 'lang', message: 'unknown language', allowed: LANGS },
      ]);
    return this.queryBus.execute(new IncidentHistoryQuery(id, lang, actor));
  }
}
