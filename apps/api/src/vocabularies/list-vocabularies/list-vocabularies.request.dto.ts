import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Lang, LANGS, VOCABULARIES, VocabularyName } from '@app/domain';

export const VOCABULARY_NAMES = Object.keys(VOCABULARIES) as VocabularyName[];

/** The query string of GET /vocabularies. */
export class ListVocabulariesRequestDto {
  @ApiPropertyOptional({
    enum: LANGS,
    default: 'en',
    example: 'ru',
    description: 'The language of the labels.',
  })
  @IsOptional()
  @IsIn(LANGS, { context: { allowed: LANGS } })
  lang?: Lang;

  @ApiPropertyOptional({
    enum: VOCABULARY_NAMES,
    example: 'target_category',
    description: 'Only this vocabulary.',
  })
  @IsOptional()
  @IsIn(VOCABULARY_NAMES, { context: { allowed: VOCABULARY_NAMES } })
  name?: VocabularyName;
}
