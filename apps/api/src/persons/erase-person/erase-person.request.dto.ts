import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class ErasePersonRequestDto {
  @ApiProperty({
    example: 'Request of the person, received by the coordinator on 2021-03-02',
    maxLength: 500,
    description: 'Why, for the record. It stays readable in the log: write no personal data here.',
  })
  @IsString()
  @MaxLength(500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}
