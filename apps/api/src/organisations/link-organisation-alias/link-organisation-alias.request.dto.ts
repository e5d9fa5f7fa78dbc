import { AliasProperty } from '../../targets/target-properties';

export class LinkOrganisationAliasRequestDto {
  @AliasProperty(
    'Қазақстан адам құқықтары жөніндегі халықаралық бюросы',
    'Another name: an abbreviation, translation or former name.',
  )
  alias!: string;
}
