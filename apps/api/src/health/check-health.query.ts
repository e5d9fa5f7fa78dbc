import { Query } from '@nestjs/cqrs';
import { HealthResponseDto } from './health.response.dto';

export class CheckHealthQuery extends Query<HealthResponseDto> {}
