import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PERSON_MATCH_RULES, PersonMatchRule } from '@app/imports/existing-targets';

const MATCH_PERSONS_DESCRIPTION =
  "How the sheet's names meet the persons already recorded. `none`: each name as written is a person of the import; names that may be a recorded person are listed in `result.possibleDuplicatePersons` (ids, labels, why). `same_name`: a name that is the name or an alias of exactly one recorded person (once transliterated: Persona Alfa = Персона Альфа) is that person. A row may also name a recorded person or organisation by id in `target_id`.";

/** How long an admin may keep an uploaded sheet past its job: enough to re-run it, no more. */
export const MAX_KEEP_DAYS = 30;

const KEEP_DAYS_DESCRIPTION = `Admins only: keep the uploaded sheet (sealed) for this many days after its job ends, e.g. to start a failed import again without uploading it anew; 0 to ${MAX_KEEP_DAYS}, default 0: deleted, with its key, when the job ends (dry runs too). Erasing a person deletes every kept sheet that names her.`;

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

  @ApiPropertyOptional({
    type: 'string',
    pattern: '^[0-9]{1,2}$',
    default: '0',
    example: '7',
    description: KEEP_DAYS_DESCRIPTION,
  })
  @IsOptional()
  @Matches(/^(?:[0-9]|[12][0-9]|30)$/, {
    message: `keepDays must be a whole number of days from 0 to ${MAX_KEEP_DAYS}`,
  })
  keepDays?: string;

  @ApiPropertyOptional({
    enum: PERSON_MATCH_RULES,
    default: 'none',
    description: MATCH_PERSONS_DESCRIPTION,
  })
  @IsOptional()
  @IsIn(PERSON_MATCH_RULES, { context: { allowed: PERSON_MATCH_RULES } })
  matchPersons?: PersonMatchRule;
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
    keepDays: {
      type: 'string',
      pattern: '^[0-9]{1,2}$',
      default: '0',
      example: '7',
      description: KEEP_DAYS_DESCRIPTION,
    },
    matchPersons: {
      type: 'string',
      enum: [...PERSON_MATCH_RULES],
      default: 'none',
      description: MATCH_PERSONS_DESCRIPTION,
    },
  },
};
