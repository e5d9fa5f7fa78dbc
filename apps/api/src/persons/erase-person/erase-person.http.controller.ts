import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { ApiTargetChange, TargetId } from '../../targets/target.http-controller';
import { ErasePersonCommand, PersonErased } from './erase-person.handler';
import { ErasePersonRequestDto } from './erase-person.request.dto';
import { ErasePersonResponseDto } from './erase-person.response.dto';

const DESCRIPTION =
  "Destroys the person's key and records `PersonErased`: from then on their name, " +
  'contacts, address, notes and aliases read as `[erased]` everywhere, in the API, the ' +
  'history and the exports, and no copy of the log can reveal them. Every count stays ' +
  'the same: the person still counts in statistics, under their pseudonymous label. ' +
  'Irreversible. 409 if already erased, or while persons merged into them are not erased ' +
  '(their records hold the same personal data: erase them first, or undo their merges).';

@ApiTags('persons')
@Controller('persons')
export class ErasePersonHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/erasure')
  @Roles('admin')
  @ApiTargetChange(
    'ErasePersonHttpController_erase',
    {
      summary: "Erase a person's personal data for good (crypto-shredding)",
      description: DESCRIPTION,
    },
    '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
    'Erased; a retry with the same Idempotency-Key gets this same answer (its incident list then empty).',
    ErasePersonResponseDto,
  )
  erase(
    @TargetId() id: string,
    @Body() body: ErasePersonRequestDto,
    @Req() request: RequestLike,
    @CurrentActor() actor: Actor,
  ): Promise<PersonErased> {
    const context = commandContext(request, actor);
    const version = ifMatchVersion(request);
    // The shared reason command is typed for a plain CommandResult; this handler answers more.
    return this.commandBus.execute(
      new ErasePersonCommand(id, body.reason, context, version),
    ) as Promise<PersonErased>;
  }
}
