import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, CommandExecutor, CommandResult, IdSource } from '@app/application';
import { RecordReferenceFigure, referenceFigureDecider } from '@app/domain';
import { referenceFigureStream } from '@app/read-models/reference-figures/reference-figures';
import { RecordReferenceFigureRequestDto } from './record-reference-figure.request.dto';

export class RecordReferenceFigureCommand extends Command<CommandResult> {
  constructor(
    readonly body: RecordReferenceFigureRequestDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordReferenceFigureCommand)
export class RecordReferenceFigureHandler implements ICommandHandler<RecordReferenceFigureCommand> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ body, context }: RecordReferenceFigureCommand): Promise<CommandResult> {
    const ids = IdSource.for(
      context.actor.workspaceId,
      context.idempotencyKey,
      'POST /reference-figures',
    );
    const figureId = ids.id('reference-figure');
    return this.executor.execute({
      streamId: referenceFigureStream(figureId),
      id: figureId,
      decider: referenceFigureDecider,
      command: (): RecordReferenceFigure => ({
        type: 'RecordReferenceFigure',
        figureId,
        today: context.today,
        figure: {
          source: { ...body.source },
          statement: body.statement,
          value: body.value,
          qualifier: body.qualifier,
          measure: body.measure,
          period: { ...body.period },
          dimensions: body.dimensions,
          note: body.note,
        },
      }),
      context,
      ids,
    });
  }
}
