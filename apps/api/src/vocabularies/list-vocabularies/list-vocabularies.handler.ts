import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { vocabulariesIn } from '@app/domain';
import { ListVocabulariesQuery } from './list-vocabularies.query';
import { VocabularyDto } from './vocabulary.response.dto';

@QueryHandler(ListVocabulariesQuery)
export class ListVocabulariesHandler implements IQueryHandler<ListVocabulariesQuery> {
  execute({ lang, name }: ListVocabulariesQuery): Promise<VocabularyDto[]> {
    const all = vocabulariesIn(lang);
    return Promise.resolve(name === undefined ? all : all.filter((v) => v.name === name));
  }
}
