import { targetHttpController } from '../targets/target.http-controller';
import { PersonResponseDto } from '../targets/get-target/person.response.dto';
import { AmendPersonRequestDto } from './amend-person/amend-person.request.dto';
import { LinkPersonAliasRequestDto } from './link-person-alias/link-person-alias.request.dto';
import { RegisterPersonRequestDto } from './register-person/register-person.request.dto';

/** /persons: the routes persons share with organisations. Erasure is a person's alone. */
export class PersonsHttpController extends targetHttpController({
  kind: 'person',
  path: 'persons',
  operationNames: { one: 'Person', many: 'Persons' },
  idExample: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11',
  versionExample: 3,
  dtos: {
    register: RegisterPersonRequestDto,
    amend: AmendPersonRequestDto,
    alias: LinkPersonAliasRequestDto,
    response: PersonResponseDto,
  },
  docs: {
    list: {
      summary: 'The persons of your workspace, filtered by category and country, or found by name',
      description:
        'From the redacted read model: labels and codes, never a name, contacts, address or notes ' +
        '(GET /persons/{id} has the details, for the roles that may see them). Pages follow `nextCursor`. ' +
        '`q` finds persons by the beginning of any part of their name or aliases, in any script ' +
        '(a keyed blind index: no name is stored in clear for it), and then answers with names; ' +
        'analysts get 403 for `q`.',
    },
    register: {
      summary: 'Register a person (a victim, relative or source) with their aliases',
      description:
        'The name and details are personal data. Without a `label`, a pseudonymous one is derived from the id.',
    },
    get: { summary: 'A person as recorded now, with its version as ETag' },
    amend: {
      summary: "Amend one of a person's details, with a reason",
      description: 'The previous value stays in the history, with who changed it, when and why.',
    },
    alias: {
      summary: "Link another spelling of a person's name (Yelshibayev / Elshibayev)",
      description: '409 if the name or alias is already linked.',
    },
  },
}) {}
