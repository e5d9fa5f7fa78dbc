import { IsIn, IsOptional } from 'class-validator';
import { TEMPLATE_LANGS, TemplateLang } from '@app/imports/import-template';

export class TemplateQueryDto {
  @IsOptional()
  @IsIn(TEMPLATE_LANGS, { context: { allowed: TEMPLATE_LANGS } })
  lang?: TemplateLang;
}
