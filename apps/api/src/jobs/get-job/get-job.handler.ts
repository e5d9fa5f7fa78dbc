import { NotFoundException } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { JobRecords } from '@app/jobs/job-records';
import { GetJobQuery } from './get-job.query';
import { JobProblemDto, JobResponseDto } from './job.response.dto';

const JOB_ID = /^[a-z]+-[a-z0-9-]{1,80}$/;

@QueryHandler(GetJobQuery)
export class GetJobHandler implements IQueryHandler<GetJobQuery> {
  constructor(private readonly records: JobRecords) {}

  async execute({ id, actor }: GetJobQuery): Promise<JobResponseDto> {
    const record = JOB_ID.test(id)
      ? await this.records.getInWorkspace(id, actor.workspaceId)
      : undefined;
    if (record === undefined) throw new NotFoundException('No such job in your workspace.');
    return {
      id: record.id,
      type: record.type,
      state: record.state,
      progress: record.progress,
      progressDetail: record.progressDetail,
      result: record.result ?? null,
      // Every job writes its problems as JobProblemDto (job-records stores them as JSON).
      errors: (actor.role === 'analyst'
        ? record.errors.map(withoutValue)
        : record.errors) as JobProblemDto[],
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }
}

/**
 * Analysts see redacted detail only: a sheet's cells (a title, a place, a description) may
 * name the people in it, so their problems come without the cell's text.
 */
function withoutValue(problem: unknown): unknown {
  return problem !== null && typeof problem === 'object' && 'value' in problem
    ? { ...problem, value: null }
    : problem;
}
