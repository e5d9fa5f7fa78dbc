import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto {
  @ApiProperty({ example: 'targets.0.category' })
  field!: string;

  @ApiProperty({ example: 'category must be one of the following values: person, organisation' })
  message!: string;

  @ApiPropertyOptional({ type: [String], example: ['person', 'organisation'] })
  allowed?: unknown[];
}

/** RFC 9457 problem details: the body of every error response (`application/problem+json`). */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:rights-ledger:problem:validation' })
  type!: string;

  @ApiProperty({ example: 'Bad Request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'Invalid fields: targets.0.category.' })
  detail!: string;

  @ApiProperty({ example: '/incidents' })
  instance!: string;

  @ApiPropertyOptional({
    type: [FieldProblemDto],
    description: 'Validation errors, one per field and rule.',
  })
  errors?: FieldProblemDto[];

  @ApiPropertyOptional({ description: 'On 409: the version the request expected.', example: 3 })
  expectedVersion?: number | string;

  @ApiPropertyOptional({ description: 'On 409: the version the record is at.', example: 4 })
  actualVersion?: number;

  @ApiPropertyOptional({ description: 'On 500: quote it when reporting the error.' })
  correlationId?: string;
}
