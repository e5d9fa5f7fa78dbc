import { Module } from '@nestjs/common';
import { ListVocabulariesHandler } from './list-vocabularies/list-vocabularies.handler';
import { ListVocabulariesHttpController } from './list-vocabularies/list-vocabularies.http.controller';

@Module({
  controllers: [ListVocabulariesHttpController],
  providers: [ListVocabulariesHandler],
})
export class VocabulariesModule {}
