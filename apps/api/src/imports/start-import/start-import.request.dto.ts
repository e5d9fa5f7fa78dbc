import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** The multipart form: the sheet, and whether only to check it. */
export class StartImportRequestDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'false',
    description: '`true`: check every row and record nothing.',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { context: { allowed: ['true', 'false'] } })
  dryRun?: 'true' | 'false';
}

/** The form as OpenAPI shows it: the file travels beside the fields, through multer. */
export const START_IMPORT_FORM = {
  type: 'object',
  required: ['file'],
  properties: {
    file: {
      type: 'string',
      format: 'binary',
      description:
        'A .csv (UTF-8, `,` or `;`) or .xlsx sheet, one row per act. Headers in English, Russian, Kazakh or Kyrgyz: see GET /imports/template.csv.',
    },
    dryRun: {
      type: 'string',
      enum: ['true', 'false'],
      default: 'false',
      description: '`true`: check every row and record nothing.',
    },
  },
};
