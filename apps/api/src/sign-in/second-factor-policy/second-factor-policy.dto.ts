import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SECOND_FACTOR_FOR } from '@app/auth';
import type { SecondFactorFor } from '@app/auth';

export class SecondFactorPolicyDto {
  @ApiProperty({
    enum: SECOND_FACTOR_FOR,
    example: 'admins',
    description: 'Who must sign in with a second factor: the admins (the default) or everyone.',
  })
  @IsIn(SECOND_FACTOR_FOR)
  requiredFor!: SecondFactorFor;
}
