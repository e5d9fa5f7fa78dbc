import { Controller, Get, Header, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ApiProblems } from '../../http/openapi.decorators';
import { GetJobQuery } from './get-job.query';
import { JobResponseDto } from './job.response.dto';

@ApiTags('jobs')
@Controller('jobs')
export class GetJobHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':id')
  @Roles('admin', 'monitor', 'verifier', 'analyst')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'A job of your workspace: state, progress, result and the problems it found',
  })
  @ApiOkResponse({ type: JobResponseDto })
  @ApiProblems(404)
  get(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<JobResponseDto> {
    return this.queryBus.execute(new GetJobQuery(id, actor));
  }
}
