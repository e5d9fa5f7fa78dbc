import { Provider } from '@nestjs/common';
import { CommandExecutor } from './command-executor';
import { EVENT_STORE, EventStore } from '@app/event-store';

/** One executor over the configured event store, for every command handler. */
export const commandExecutorProvider: Provider = {
  provide: CommandExecutor,
  useFactory: (store: EventStore) => new CommandExecutor(store),
  inject: [EVENT_STORE],
};
