import { AliasProperty } from '../../targets/target-properties';

export class LinkPersonAliasRequestDto {
  @AliasProperty('Person B', 'Another spelling of the name (a transliteration).')
  alias!: string;
}
