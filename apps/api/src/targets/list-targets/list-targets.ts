import {
  ForbiddenException,
  Inject,
  Injectable,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { VOCABULARIES, allowedCodes, TargetEntityKind } from '@app/domain';
import { EVENT_STORE, EventStore, Position } from '@app/event-store';
import { TARGET_CATEGORIES, TargetProjections, TARGETS } from '@app/read-models';
import { refusePastHead } from '@app/read-models/projection-freshness';
import { Actor } from '@app/application';
import { MIN_NAME_PREFIX } from '@app/domain/names';
import { ValidationException } from '@app/application/validation.exception';
import { TargetStore } from '@app/application/targets/target.commands';
import { readTarget } from '@app/application/targets/target.read';
import { findByName } from '@app/application/targets/name-search';
import { seesPersonalData } from '../redaction';
import { TARGET_STORE } from '../target-store.provider';
import { POSITION_PATTERN } from '../../statistics/incident-filters.request.dto';

/**
 * GET /persons and GET /organisations: pages of the redacted read model `rm_targets`. Every
 * role that may list sees the same rows: labels and codes, never a name.
 */

const AsList = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? [value] : value));
const CATEGORY_CODES = VOCABULARIES.target_category.terms.map((t) => t.code);
const COUNTRY_CODES = VOCABULARIES.country.terms.map((t) => t.code);

export class ListTargetsRequestDto {
  @ApiPropertyOptional({
    example: 'агадил',
    maxLength: 300,
    description:
      'By name, in any script or transliteration (агадил, Agadil, Agadıl): each word must begin ' +
      'a part of the name or of an alias, from 3 letters on. Admins, monitors and verifiers ' +
      'only (403 for analysts): the answer says which names the workspace holds.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  q?: string;

  @ApiPropertyOptional({
    enum: CATEGORY_CODES,
    isArray: true,
    example: ['journalist'],
    description: 'A `target_category` code. Repeat for several (any of them).',
  })
  @IsOptional()
  @AsList()
  @ArrayMaxSize(100)
  @IsIn(CATEGORY_CODES, { each: true, context: { allowed: allowedCodes('target_category') } })
  category?: string[];

  @ApiPropertyOptional({
    enum: COUNTRY_CODES,
    isArray: true,
    example: ['KZ'],
    description: 'ISO 3166-1 alpha-2. Repeat for several (any of them).',
  })
  @IsOptional()
  @AsList()
  @ArrayMaxSize(100)
  @IsIn(COUNTRY_CODES, { each: true, context: { allowed: allowedCodes('country') } })
  country?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, example: 50 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({
    example:
      'WyIyMDIxLTAzLTA0VDEwOjE1OjAwLjAwMFoiLCI2ZjFjMWE1Mi0zYjllLTRjNTUtOWQwZS0yZjdmMWEwYzllMTEiXQ',
    description: 'The `nextCursor` of the previous page.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({
    example: '00000000000000000742.00000000000000001234',
    description:
      'Read your writes: the `position` a command answered; waits (at most 5 s, then 503) until the list reflects it.',
  })
  @IsOptional()
  @Matches(POSITION_PATTERN, { message: 'after must be a position as commands answer it' })
  after?: string;
}

export class TargetListItemDto {
  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' })
  id!: string;

  @ApiProperty({ example: 'P-6F1C1A', description: 'Pseudonymous for persons.' })
  label!: string;

  @ApiPropertyOptional({
    example: 'Dulat Agadil',
    description: 'In answers to a search by name (q) only. Personal data.',
  })
  name?: string;

  @ApiProperty({ type: String, nullable: true, example: 'civil_activist' })
  category!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'KZ' })
  country!: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'female',
    description: 'Persons only.',
  })
  gender?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 1990,
    description: 'Persons only.',
  })
  birthYear?: number | null;

  @ApiProperty({ example: 2 })
  version!: number;

  @ApiPropertyOptional({ example: false, description: 'Persons only: erased (crypto-shredded).' })
  erased?: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: null,
    description:
      'Persons only: the person this record is merged into (POST /persons/{id}/merge), whose ' +
      'acts count as theirs; null when not merged.',
  })
  mergedInto?: string | null;

  @ApiProperty({ example: '2021-03-04T10:15:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2021-03-04T10:15:00.000Z' })
  updatedAt!: string;
}

export class TargetListDto {
  @ApiProperty({ type: [TargetListItemDto], description: 'In the order they were registered.' })
  items!: TargetListItemDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    example:
      'WyIyMDIxLTAzLTA0VDEwOjE1OjAwLjAwMFoiLCI2ZjFjMWE1Mi0zYjllLTRjNTUtOWQwZS0yZjdmMWEwYzllMTEiXQ',
    description: 'Send it as `cursor` for the next page; null on the last page.',
  })
  nextCursor!: string | null;
}

interface Row {
  id: string;
  label: string;
  category: string | null;
  country: string | null;
  gender: string | null;
  birth_year: number | null;
  version: number;
  erased: boolean;
  merged_into: string | null;
  created_at: string;
  updated_at: string;
}

const WAIT_MS = 5_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

@Injectable()
export class TargetList {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: TargetProjections,
    @Inject(TARGET_STORE) private readonly targets: TargetStore,
  ) {}

  async list(
    kind: TargetEntityKind,
    actor: Actor,
    query: ListTargetsRequestDto,
  ): Promise<TargetListDto> {
    const found = query.q === undefined ? undefined : await this.search(kind, actor, query.q);
    const page = await this.page(kind, actor.workspaceId, query, found);
    if (found === undefined) return page;
    // A search by name answers with the names: the monitor picks the right person by them.
    const named = await Promise.all(
      page.items.map(async (item) => {
        const { details } = await readTarget(this.targets, kind, item.id, actor);
        return { ...item, name: details.name };
      }),
    );
    return { ...page, items: named };
  }

  /** The ids whose names the query begins; only for the roles that see names. */
  private async search(kind: TargetEntityKind, actor: Actor, q: string): Promise<string[]> {
    if (!seesPersonalData(actor)) {
      throw new ForbiddenException(
        'Searching by name (q) requires the role admin, monitor or verifier.',
      );
    }
    const ids = await findByName(this.targets.nameIndex, actor.workspaceId, kind, q);
    if (ids === 'too_short') {
      throw new ValidationException([
        {
          field: 'q',
          message: `each word needs at least ${MIN_NAME_PREFIX} letters (after folding)`,
        },
      ]);
    }
    return ids;
  }

  private async page(
    kind: TargetEntityKind,
    workspaceId: string,
    query: ListTargetsRequestDto,
    ids: readonly string[] | undefined,
  ): Promise<TargetListDto> {
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.after !== undefined) await this.waitFor(query.after as Position);
    const limit = query.limit ?? 50;
    const values: unknown[] = [workspaceId, kind];
    const bind = (v: unknown) => `$${values.push(v)}`;
    const where = ['workspace_id = $1', 'kind = $2'];
    if (ids !== undefined) where.push(`target_id = ANY(${bind(ids)}::uuid[])`);
    if (query.category) where.push(`category = ANY(${bind(query.category)}::text[])`);
    if (query.country) where.push(`country = ANY(${bind(query.country)}::text[])`);
    if (cursor) {
      where.push(
        `(created_at, target_id) > (${bind(cursor[0])}::timestamptz, ${bind(cursor[1])}::uuid)`,
      );
    }
    const { rows } = await this.sql.query<Row>(
      `SELECT target_id::text AS id, label, category, country, gender, birth_year, version, erased,
              merged_into::text AS merged_into,
              to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
              to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
         FROM rm_targets WHERE ${where.join(' AND ')}
        ORDER BY created_at, target_id LIMIT ${bind(limit + 1)}`,
      values,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        id: r.id,
        label: r.label,
        category: r.category,
        country: r.country,
        ...(kind === 'person' && {
          gender: r.gender,
          birthYear: r.birth_year,
          erased: r.erased,
          mergedInto: r.merged_into,
        }),
        version: r.version,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      })),
      nextCursor:
        rows.length > limit
          ? Buffer.from(JSON.stringify([last.created_at, last.id])).toString('base64url')
          : null,
    };
  }

  /** Until the projection has passed `after` (no target event up to it left): 503 after 5 s. */
  private async waitFor(after: Position): Promise<void> {
    await refusePastHead(this.store, after, 'after');
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const reached = await this.projections.position();
      if (await this.hasPassed(after, reached)) return;
      if (Date.now() >= deadline) {
        throw new ServiceUnavailableException(
          `The projection ${TARGETS} has not passed position ${after} after ${WAIT_MS / 1000} s. Retry shortly.`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  private async hasPassed(after: Position, reached: Position): Promise<boolean> {
    if (reached >= after) return true;
    if ((await this.store.headPosition()) < after) return false;
    for await (const next of this.store.readAll({
      from: reached,
      categories: TARGET_CATEGORIES,
      maxCount: 1,
    })) {
      return next.position > after;
    }
    return true;
  }
}

function decodeCursor(text: string): [string, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 2 &&
    typeof parsed[0] === 'string' &&
    TIMESTAMP.test(parsed[0]) &&
    typeof parsed[1] === 'string' &&
    UUID.test(parsed[1])
  ) {
    return [parsed[0], parsed[1]];
  }
  throw new ValidationException([
    { field: 'cursor', message: 'is not a cursor this API gave out (nextCursor of a page)' },
  ]);
}
