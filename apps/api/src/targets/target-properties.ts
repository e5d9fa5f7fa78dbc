import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/**
 * The properties persons and organisations share, with each kind's own examples. The
 * decorators are listed bottom first, the order they applied in when stacked on each class,
 * so the OpenAPI document and the order of validation errors stay as they were.
 */

const NOT_BLANK = /\S/;
const MAX_NAME = 300;

/** The other names linked in the registering request. */
export function AliasesProperty(example: string[], description: string): PropertyDecorator {
  return applyDecorators(
    Matches(NOT_BLANK, { each: true, message: 'each alias must not be blank' }),
    MaxLength(MAX_NAME, { each: true }),
    IsString({ each: true }),
    ArrayMaxSize(50),
    IsArray(),
    IsOptional(),
    ApiPropertyOptional({ type: [String], example, maxItems: 50, description }),
  );
}

/** One more name, linked on its own (POST …/:id/aliases). */
export function AliasProperty(example: string, description: string): PropertyDecorator {
  return applyDecorators(
    Matches(NOT_BLANK, { message: 'alias must not be blank' }),
    MaxLength(MAX_NAME),
    IsString(),
    ApiProperty({ example, maxLength: MAX_NAME, description }),
  );
}

/** A code an answer carries, or null when it was not recorded. */
export function CodeProperty(example: string): PropertyDecorator {
  return ApiProperty({ type: String, nullable: true, example });
}
