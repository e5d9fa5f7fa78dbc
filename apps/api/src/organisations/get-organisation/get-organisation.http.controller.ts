import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { READER_ROLES } from '../../targets/redaction';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { GetOrganisationQuery } from './get-organisation.query';
import { OrganisationResponseDto } from './organisation.response.dto';

/** The part of the HTTP response this controller sets; keeps it free of express types. */
interface HeaderSettable {
  setHeader(name: string, value: string): unknown;
}

@ApiTags('organisations')
@Controller('organisations')
export class GetOrganisationHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Roles(...READER_ROLES)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'An organisation as recorded now, with its version as ETag' })
  @ApiParam({ name: 'id', format: 'uuid', example: '0d4be1f2-8a7c-4e59-b3a6-51c9e07f2d84' })
  @ApiOkResponse({
    type: OrganisationResponseDto,
    headers: {
      ETag: {
        description: 'The version, e.g. `"2"`: send it as If-Match.',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(400, 404)
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: HeaderSettable,
  ): Promise<OrganisationResponseDto> {
    const organisation = await this.queryBus.execute(new GetOrganisationQuery(id, actor));
    response.setHeader('ETag', `"${organisation.version}"`);
    return organisation;
  }
}
