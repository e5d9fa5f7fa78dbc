import { Controller, Get, Header, HttpStatus, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Public } from '@app/auth';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CheckHealthQuery } from './check-health.query';
import { HealthResponseDto } from './health.response.dto';

/** The part of the HTTP response this controller sets; keeps it free of express types. */
interface StatusSettable {
  status(code: number): unknown;
}

@ApiTags('health')
@Controller('health')
export class HealthHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Public()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Status of the API and of each dependency',
    description:
      'Each dependency is checked with a 2 s deadline. The event store and the database are ' +
      'required; Redis is optional (recording incidents works without it).',
  })
  @ApiOkResponse({ type: HealthResponseDto, description: 'Required dependencies are up.' })
  @ApiServiceUnavailableResponse({
    type: HealthResponseDto,
    description: 'The event store or the database is down; `dependencies` names it.',
  })
  async check(@Res({ passthrough: true }) response: StatusSettable): Promise<HealthResponseDto> {
    const report = await this.queryBus.execute(new CheckHealthQuery());
    response.status(report.status === 'down' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    return report;
  }
}
