import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { INCIDENT_FACTS } from '@app/read-models';
import { FRESHNESS_WAIT_MS } from '@app/read-models/projection-freshness';
import { ProblemDetailsDto } from '../problem/problem-details.dto';

/** The 503 of a query that takes `after=`. */
export const ApiProjectionLagging = () =>
  ApiResponse({
    status: 503,
    description: `\`after\` named a position the projection ${INCIDENT_FACTS} did not pass within ${FRESHNESS_WAIT_MS / 1000} s; \`detail\` names both positions.`,
    content: {
      'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } },
    },
  });
