import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { ListReferenceFiguresQuery } from './list-reference-figures.query';
import { ReferenceFigureListResponseDto } from './reference-figure-list.response.dto';

@ApiTags('reference figures')
@Controller('reference-figures')
export class ListReferenceFiguresHttpController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('admin', 'monitor', 'verifier', 'analyst')
  @ApiOperation({ summary: "The workspace's reference figures, in the order recorded" })
  @ApiOkResponse({ type: ReferenceFigureListResponseDto })
  list(@CurrentActor() actor: Actor): Promise<ReferenceFigureListResponseDto> {
    return this.queryBus.execute(new ListReferenceFiguresQuery(actor.workspaceId));
  }
}
