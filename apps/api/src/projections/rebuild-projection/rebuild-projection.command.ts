import { Command } from '@nestjs/cqrs';
import { RebuildStatusDto } from './rebuild-status.response.dto';

/** Rebuild incident-facts (the only projection with table versions) in the background. */
export class RebuildProjectionCommand extends Command<RebuildStatusDto> {}
