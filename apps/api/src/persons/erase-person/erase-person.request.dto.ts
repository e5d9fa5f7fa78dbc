import { ReasonForTheRecord } from '../../http/reason-for-the-record.decorator';

export class ErasePersonRequestDto {
  @ReasonForTheRecord('Request of the person, received by the coordinator on 2021-03-02')
  reason!: string;
}
