import { ApiProperty } from '@nestjs/swagger';

export class SessionSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'Monitor 1' })
  userName!: string;

  @ApiProperty({ example: '2026-12-04T09:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-12-04T09:41:00.000Z' })
  lastSeenAt!: string;

  @ApiProperty({ example: '2026-12-04T21:00:00.000Z' })
  expiresAt!: string;

  @ApiProperty({ example: '2026-12-04T10:11:00.000Z' })
  idleExpiresAt!: string;

  @ApiProperty({ example: '203.0.113.7', nullable: true, type: String })
  address!: string | null;

  @ApiProperty({ example: 'Mozilla/5.0 (X11; Linux x86_64)', nullable: true, type: String })
  userAgent!: string | null;

  @ApiProperty({ description: 'The session this request was made with.' })
  current!: boolean;
}

export class SessionListResponseDto {
  @ApiProperty({ type: [SessionSummaryDto], description: 'Live sessions, newest first.' })
  sessions!: SessionSummaryDto[];
}
