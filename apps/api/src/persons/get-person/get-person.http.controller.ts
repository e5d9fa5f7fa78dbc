import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { READER_ROLES } from '../../targets/redaction';
import { ApiProblems } from '../../http/openapi.decorators';
import { UuidParamPipe } from '../../http/uuid-param.pipe';
import { GetPersonQuery } from './get-person.query';
import { PersonResponseDto } from './person.response.dto';

/** The part of the HTTP response this controller sets; keeps it free of express types. */
interface HeaderSettable {
  setHeader(name: string, value: string): unknown;
}

@ApiTags('persons')
@Controller('persons')
export class GetPersonHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Roles(...READER_ROLES)
  // Personal data: no shared cache may keep it.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'A person as recorded now, with its version as ETag' })
  @ApiParam({ name: 'id', format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  @ApiOkResponse({
    type: PersonResponseDto,
    headers: {
      ETag: {
        description: 'The version, e.g. `"3"`: send it as If-Match.',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(400, 404)
  async get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: HeaderSettable,
  ): Promise<PersonResponseDto> {
    const person = await this.queryBus.execute(new GetPersonQuery(id, actor));
    response.setHeader('ETag', `"${person.version}"`);
    return person;
  }
}
