import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditEntryDto {
  @ApiProperty({ example: '1521' })
  id!: string;

  @ApiProperty({ example: '2026-11-28T10:05:12.345678Z' })
  at!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  userId!: string | null;

  @ApiProperty({ example: 'monitor', nullable: true, type: String })
  role!: string | null;

  @ApiProperty({ example: 'POST /incidents/:id/corrections' })
  action!: string;

  @ApiProperty({
    example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
    nullable: true,
    type: String,
    description: 'The id in the path, or the id a creation returned.',
  })
  targetId!: string | null;

  @ApiProperty({ example: 201, description: 'The HTTP status of the answer.' })
  status!: number;

  @ApiProperty({ example: 'b2f9c0de-1111-4a3b-9c8d-7e6f5a4b3c2d', nullable: true, type: String })
  correlationId!: string | null;

  @ApiProperty({
    example: '203.0.113.7',
    nullable: true,
    type: String,
    description: 'The client address of a sign-in attempt; null for other entries.',
  })
  address!: string | null;
}

export class AuditPageResponseDto {
  @ApiProperty({ type: [AuditEntryDto], description: 'Newest first.' })
  entries!: AuditEntryDto[];

  @ApiPropertyOptional({ example: '1420', description: 'Send as `cursor` for older entries.' })
  next?: string;
}
