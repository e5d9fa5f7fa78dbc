import { Module } from '@nestjs/common';
import { FindPlacesHandler } from './find-places/find-places.handler';
import { FindPlacesHttpController } from './find-places/find-places.http.controller';
import { ListVocabulariesHandler } from './list-vocabularies/list-vocabularies.handler';
import { ListVocabulariesHttpController } from './list-vocabularies/list-vocabularies.http.controller';

@Module({
  controllers: [ListVocabulariesHttpController, FindPlacesHttpController],
  providers: [ListVocabulariesHandler, FindPlacesHandler],
})
export class VocabulariesModule {}
