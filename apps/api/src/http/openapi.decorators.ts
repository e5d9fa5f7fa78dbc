import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDetailsDto } from '../problem/problem-details.dto';

const PROBLEMS = {
  400: 'Invalid input: `errors` names each field and, for codes, the allowed values.',
  403: 'Your role may not do this (the problem says which roles may).',
  404: 'No such record in your workspace.',
  409: 'The record changed since it was read (`expectedVersion`, `actualVersion`), or the command conflicts with its current state (`code`).',
  422: 'The Idempotency-Key was already used for a different request.',
} as const;

/** The problem+json answers an operation can give, besides 401 (documented globally). */
export const ApiProblems = (...statuses: (keyof typeof PROBLEMS)[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEMS[status],
        content: {
          'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } },
        },
      }),
    ),
  );

export const ApiIdempotencyKey = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Any unique string (a UUID): a retry with the same key returns the first answer and records nothing new; the same key with a different request answers 422.',
    example: '0b6a4c1e-5d7f-4a43-9e3b-8c2f1d0a7b65',
  });

export const ApiIfMatch = () =>
  ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'The version you read (the ETag of the GET, or `version` of the last answer): 409 if the record changed since.',
    example: '"3"',
  });

/** A 200 whose body is a file, in one of these media types. */
export const ApiFileResponse = (description: string, mediaTypes: readonly string[]) =>
  ApiOkResponse({
    description,
    content: Object.fromEntries(
      mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });
