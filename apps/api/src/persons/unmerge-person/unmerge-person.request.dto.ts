import { ReasonForTheRecord } from '../../http/reason-for-the-record.decorator';

export class UnmergePersonRequestDto {
  @ReasonForTheRecord('Different persons: the birth years differ')
  reason!: string;
}
