import { applyDecorators, HttpCode, HttpStatus, Param } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { ProblemDetailsDto } from '../problem/problem-details.dto';
import { CommandResponseDto } from '@app/application/command-response.dto';
import { UuidParamPipe } from '../http/uuid-param.pipe';

/** The incident id in the path: a malformed one is a 400 naming `id`, never a lookup. */
export const IncidentId = () => Param('id', UuidParamPipe);

/** What every POST /incidents/:id/… documents and answers. */
export function IncidentChange(summary: string) {
  return applyDecorators(
    HttpCode(HttpStatus.CREATED),
    ApiOperation({ summary }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The version you read (409 if it changed since)',
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'A retry with the same key records nothing new',
    }),
    ApiCreatedResponse({ type: CommandResponseDto }),
    ApiNotFoundResponse({ type: ProblemDetailsDto }),
    ApiConflictResponse({
      type: ProblemDetailsDto,
      description: 'Version conflict, or the incident is retracted',
    }),
  );
}
