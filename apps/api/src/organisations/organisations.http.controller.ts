import { targetHttpController } from '../targets/target.http-controller';
import { OrganisationResponseDto } from '../targets/get-target/organisation.response.dto';
import { AmendOrganisationRequestDto } from './amend-organisation/amend-organisation.request.dto';
import { LinkOrganisationAliasRequestDto } from './link-organisation-alias/link-organisation-alias.request.dto';
import { RegisterOrganisationRequestDto } from './register-organisation/register-organisation.request.dto';

/** /organisations: the same routes as /persons but erasure (an organisation has no key). */
export class OrganisationsHttpController extends targetHttpController({
  kind: 'organisation',
  path: 'organisations',
  operationNames: { one: 'Organisation', many: 'Organisations' },
  idExample: '0d4be1f2-8a7c-4e59-b3a6-51c9e07f2d84',
  versionExample: 2,
  dtos: {
    register: RegisterOrganisationRequestDto,
    amend: AmendOrganisationRequestDto,
    alias: LinkOrganisationAliasRequestDto,
    response: OrganisationResponseDto,
  },
  docs: {
    list: {
      summary: 'The organisations of your workspace, filtered by category and country',
      description:
        'From the redacted read model: labels and codes, never a name, contacts, address or notes ' +
        '(GET /organisations/{id} has the details, for the roles that may see them). Pages follow `nextCursor`.',
    },
    register: {
      summary:
        'Register an organisation (an NGO, outlet, party, union, religious group) with its aliases',
    },
    get: { summary: 'An organisation as recorded now, with its version as ETag' },
    amend: {
      summary: "Amend one of an organisation's details, with a reason",
      description: 'The previous value stays in the history, with who changed it, when and why.',
    },
    alias: {
      summary: 'Link another name of an organisation (abbreviation, translation, former name)',
      description: '409 if the name or alias is already linked.',
    },
  },
}) {}
