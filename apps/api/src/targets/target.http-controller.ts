import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Header,
  Param,
  Post,
  Query,
  Req,
  Res,
  Type,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, CommandResult } from '@app/application';
import { CurrentActor, Roles } from '@app/auth';
import { TargetEntityKind } from '@app/domain';
import { commandContext, ifMatchVersion, RequestLike } from '@app/application/command-request';
import { CommandResponseDto } from '@app/application/command-response.dto';
import { RegisterTargetResponseDto } from '@app/application/targets/possible-duplicates';
import { TargetAmendment } from '@app/application/targets/target.commands';
import { ApiIdempotencyKey, ApiIfMatch, ApiProblems } from '../http/openapi.decorators';
import { UuidParamPipe } from '../http/uuid-param.pipe';
import { ChangeTargetCommand, TargetChange } from './change-target/change-target.command';
import { GetTargetQuery, TargetResponseDto } from './get-target/get-target.query';
import { ListTargetsRequestDto, TargetListDto } from './list-targets/list-targets';
import { ListTargetsQuery } from './list-targets/list-targets.query';
import { READER_ROLES, RECORDER_ROLES } from './redaction';
import {
  RegisterTargetCommand,
  RegisterTargetRequest,
} from './register-target/register-target.command';

/** An operation's summary and description in the OpenAPI document. */
export interface OperationDoc {
  summary: string;
  description?: string;
}

/**
 * What sets persons and organisations apart over HTTP: the path, the request and response
 * classes (what each kind holds), the words of the documentation. Everything else is one
 * controller, `targetHttpController`, over the same commands and queries.
 */
export interface TargetHttpKind {
  kind: TargetEntityKind;
  /** The collection: the path and the OpenAPI tag. */
  path: string;
  /**
   * The names the operations had when each action of each kind had its own controller
   * (`RegisterPersonHttpController_register`): kept, so the OpenAPI document stays the same.
   */
  operationNames: { one: string; many: string };
  idExample: string;
  /** The example version in the GET's ETag header. */
  versionExample: number;
  dtos: { register: Type; amend: Type; alias: Type; response: Type };
  docs: Record<'list' | 'register' | 'get' | 'amend' | 'alias', OperationDoc>;
}

const RECORDED = 'Recorded; a retry with the same Idempotency-Key gets this same answer.';

/** What every POST /{collection}/:id/… documents: If-Match, Idempotency-Key, 201 or a problem. */
export function ApiTargetChange(
  operationId: string,
  doc: OperationDoc,
  idExample: string,
  created = RECORDED,
  response: Type = CommandResponseDto,
) {
  // Applied in this order, as they were when stacked (bottom first): the headers keep their order.
  return applyDecorators(
    ApiProblems(400, 404, 409, 422),
    ApiCreatedResponse({ type: response, description: created }),
    ApiIdempotencyKey(),
    ApiIfMatch(),
    ApiParam({ name: 'id', format: 'uuid', example: idExample }),
    ApiOperation({ operationId, ...doc }),
  );
}

/** The target id in the path: a malformed one is a 400 naming `id`, never a lookup. */
export const TargetId = () => Param('id', UuidParamPipe);

/** The part of the HTTP response the GET sets; keeps it free of express types. */
interface HeaderSettable {
  setHeader(name: string, value: string): unknown;
}

/** The controller of one kind: every route a thin translation of HTTP into a bus message. */
export function targetHttpController(k: TargetHttpKind): Type {
  const { one, many } = k.operationNames;

  @ApiTags(k.path)
  @Controller(k.path)
  class TargetHttpController {
    constructor(
      readonly commands: CommandBus,
      readonly queries: QueryBus,
    ) {}

    @Get()
    @Roles(...READER_ROLES)
    @Header('Cache-Control', 'no-store')
    @ApiOperation({ operationId: `List${many}HttpController_list`, ...k.docs.list })
    @ApiOkResponse({ type: TargetListDto })
    @ApiProblems(400, 403)
    @ApiServiceUnavailableResponse({
      description: '`after` named a position the projection `targets` did not pass within 5 s.',
    })
    list(
      @Query() query: ListTargetsRequestDto,
      @CurrentActor() actor: Actor,
    ): Promise<TargetListDto> {
      return this.queries.execute(new ListTargetsQuery(k.kind, actor, query));
    }

    @Post()
    @Roles(...RECORDER_ROLES)
    @ApiOperation({ operationId: `Register${one}HttpController_register`, ...k.docs.register })
    @ApiIdempotencyKey()
    @ApiCreatedResponse({ type: RegisterTargetResponseDto, description: RECORDED })
    @ApiProblems(400, 422)
    register(
      @Body() body: RegisterTargetRequest,
      @Req() request: RequestLike,
      @CurrentActor() actor: Actor,
    ): Promise<RegisterTargetResponseDto> {
      const context = commandContext(request, actor);
      return this.commands.execute(new RegisterTargetCommand(k.kind, body, context));
    }

    @Get(':id')
    @Roles(...READER_ROLES)
    // Personal data: no shared cache may keep it.
    @Header('Cache-Control', 'no-store')
    @ApiOperation({ operationId: `Get${one}HttpController_get`, ...k.docs.get })
    @ApiParam({ name: 'id', format: 'uuid', example: k.idExample })
    @ApiOkResponse({
      type: k.dtos.response,
      headers: {
        ETag: {
          description: `The version, e.g. \`"${k.versionExample}"\`: send it as If-Match.`,
          schema: { type: 'string' },
        },
      },
    })
    @ApiProblems(400, 404)
    async get(
      @TargetId() id: string,
      @CurrentActor() actor: Actor,
      @Res({ passthrough: true }) response: HeaderSettable,
    ): Promise<TargetResponseDto> {
      const target = await this.queries.execute(new GetTargetQuery(k.kind, id, actor));
      response.setHeader('ETag', `"${target.version}"`);
      return target;
    }

    @Post(':id/amendments')
    @Roles(...RECORDER_ROLES)
    @ApiTargetChange(`Amend${one}HttpController_amend`, k.docs.amend, k.idExample)
    amend(
      @TargetId() id: string,
      @Body() body: TargetAmendment,
      @Req() request: RequestLike,
      @CurrentActor() actor: Actor,
    ): Promise<CommandResult> {
      return this.change(id, { type: 'amend', amendment: body }, request, actor);
    }

    @Post(':id/aliases')
    @Roles(...RECORDER_ROLES)
    @ApiTargetChange(`Link${one}AliasHttpController_link`, k.docs.alias, k.idExample)
    link(
      @TargetId() id: string,
      @Body() body: { alias: string },
      @Req() request: RequestLike,
      @CurrentActor() actor: Actor,
    ): Promise<CommandResult> {
      return this.change(id, { type: 'link_alias', alias: body.alias }, request, actor);
    }

    private change(
      id: string,
      change: TargetChange,
      request: RequestLike,
      actor: Actor,
    ): Promise<CommandResult> {
      const context = commandContext(request, actor);
      const version = ifMatchVersion(request);
      return this.commands.execute(new ChangeTargetCommand(k.kind, id, change, context, version));
    }
  }

  // The bodies' classes differ by kind: the validation pipe and the OpenAPI document read
  // them from the parameter types, which a class built here can only be given afterwards.
  const bodies = { register: k.dtos.register, amend: k.dtos.amend, link: k.dtos.alias };
  for (const [method, body] of Object.entries(bodies)) {
    const types = Reflect.getMetadata('design:paramtypes', TargetHttpController.prototype, method);
    const at = method === 'register' ? 0 : 1;
    Reflect.defineMetadata(
      'design:paramtypes',
      types.map((t: unknown, i: number) => (i === at ? body : t)),
      TargetHttpController.prototype,
      method,
    );
  }
  return TargetHttpController;
}
