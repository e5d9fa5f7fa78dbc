import { Query } from '@nestjs/cqrs';
import { Lang, VocabularyName } from '@app/domain';
import { VocabularyDto } from './vocabulary.response.dto';

export class ListVocabulariesQuery extends Query<VocabularyDto[]> {
  constructor(
    readonly lang: Lang,
    readonly name?: VocabularyName,
  ) {
    super();
  }
}
