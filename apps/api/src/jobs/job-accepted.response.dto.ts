import { ApiProperty } from '@nestjs/swagger';

/** What a request that starts a job answers (202): follow it with GET /jobs/{jobId}. */
export class JobAcceptedDto {
  @ApiProperty({
    example: 'import-3f9a0c1b2d4e5f60718293a4b5c6d7e8f9a0b1c2',
    description: 'The same request (same file, same query at the same position) is the same job.',
  })
  jobId!: string;
}
