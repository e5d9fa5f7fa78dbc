import { ApiProperty } from '@nestjs/swagger';
import { CommandResponseDto } from '../command-response.dto';

export class PinnedPositionDto {
  @ApiProperty({
    example: '00000000000000000742.00000000000000001234',
    description:
      'The position the statistics reflected: `GET /stats?asOf=snapshot:<id>` answers as they did then.',
  })
  position!: string;

  @ApiProperty({ example: 'Kadyr-Kasiyet annual report 2020' })
  name!: string;
}

/** The command's answer (`position`: where the pin was recorded) and what it pinned. */
export class PinSnapshotResponseDto extends CommandResponseDto {
  @ApiProperty({ type: PinnedPositionDto })
  pinned!: PinnedPositionDto;
}
