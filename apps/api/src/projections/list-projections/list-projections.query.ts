import { Query } from '@nestjs/cqrs';
import { ProjectionStatusDto } from './projection-status.response.dto';

export class ListProjectionsQuery extends Query<ProjectionStatusDto[]> {}
