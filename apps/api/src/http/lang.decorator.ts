import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LANGS } from '@app/domain';

/** An optional `lang` (en, ru, kk, ky, tg; default en): the language of what `what` names. */
export function LangProperty(what: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      enum: LANGS,
      default: 'en',
      example: 'ru',
      description: `The language of ${what}.`,
    }),
    IsOptional(),
    IsIn(LANGS, { context: { allowed: LANGS } }),
  );
}
