import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../http/openapi.decorators';
import { ListVocabulariesQuery } from './list-vocabularies.query';
import { ListVocabulariesRequestDto } from './list-vocabularies.request.dto';
import { VocabularyDto } from './vocabulary.response.dto';
import { Roles, ROLES } from '@app/auth';

@ApiTags('vocabularies')
@Controller('vocabularies')
export class ListVocabulariesHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles(...ROLES)
  @ApiOperation({
    summary: 'The codes requests may send, labelled in one language',
    description:
      'Every vocabulary (or only `name`), its version and its terms in display order. Deprecated terms are listed for reading old records.',
  })
  @ApiOkResponse({ type: [VocabularyDto] })
  @ApiProblems(400)
  list(@Query() query: ListVocabulariesRequestDto): Promise<VocabularyDto[]> {
    return this.queryBus.execute(new ListVocabulariesQuery(query.lang ?? 'en', query.name));
  }
}
