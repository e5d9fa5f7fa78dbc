import { AliasProperty } from '../../targets/target-properties';

export class LinkPersonAliasRequestDto {
  @AliasProperty('Aigerim Serikkyzy', 'Another spelling of the name (a transliteration).')
  alias!: string;
}
