import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { QueryBus } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { Lang, LANGS } from '@app/domain';
import { ProblemDetailsDto } from '../../problem/problem-details.dto';
import { READER_ROLES } from '../../targets/redaction';
import { IncidentId } from '../incident-change.http';
import { GetIncidentQuery } from './get-incident.query';
import { IncidentResponseDto } from './incident.response.dto';

export class GetIncidentRequestDto {
  @ApiPropertyOptional({
    enum: LANGS,
    default: 'en',
    example: 'ru',
    description: 'The language of `labels`.',
  })
  @IsOptional()
  @IsIn(LANGS, { context: { allowed: LANGS } })
  lang?: Lang;
}

interface ResponseLike {
  setHeader(name: string, value: string): void;
}

/** The incident as it stands now; the work is GetIncidentHandler's. */
@ApiTags('incidents')
@Controller('incidents')
export class GetIncidentHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Roles(...READER_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'The incident as it stands now; ETag = version (send it as If-Match)',
    description:
      'Each target has its `label` and, for admins, monitors and verifiers, its `name` ' +
      '(`[erased]` once the person is erased). `labels` gives the label of every code in ' +
      '`lang`. Analysts get it redacted (`redacted: true`): a title made of codes, no ' +
      'description, place, tags, notes, source titles or units, region-level places, and ' +
      'each target with its pseudonymous `label` only.',
  })
  @ApiHeader({ name: 'ETag', required: false })
  @ApiOkResponse({ type: IncidentResponseDto, description: 'The incident' })
  @ApiNotFoundResponse({ type: ProblemDetailsDto })
  async get(
    @IncidentId() id: string,
    @Query() query: GetIncidentRequestDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: ResponseLike,
  ): Promise<IncidentResponseDto> {
    const incident = await this.queryBus.execute(
      new GetIncidentQuery(id, query.lang ?? 'en', actor),
    );
    response.setHeader('ETag', `"${incident.version}"`);
    return incident;
  }
}
