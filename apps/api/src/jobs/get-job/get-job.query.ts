import { Query } from '@nestjs/cqrs';
import { Actor } from '@app/application';
import { JobResponseDto } from './job.response.dto';

export class GetJobQuery extends Query<JobResponseDto> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
