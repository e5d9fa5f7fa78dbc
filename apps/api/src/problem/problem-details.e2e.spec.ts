import {
  Body,
  Controller,
  Get,
  HttpException,
  INestApplication,
  LoggerService,
  Post,
} from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { IsIn, IsInt, IsString, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import request from 'supertest';
import { WrongExpectedVersion } from '@app/event-store';
import { configureHttpApp } from '../http-app';

// Fixtures: a controller raising each kind of error the filter must render.
const KINDS = ['arrest', 'fine'];

class TargetDto {
  @IsIn(KINDS, { context: { allowed: KINDS } })
  kind!: string;
}

class ReportRequestDto {
  @IsString()
  title!: string;

  @IsInt()
  count!: number;

  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets!: TargetDto[];
}

@Controller('fixtures')
class FixturesHttpController {
  @Get('unexpected')
  unexpected(): never {
    throw new Error('Aigerim Serikova, born 1990-01-02, was detained');
  }

  @Get('conflict')
  conflict(): never {
    throw new WrongExpectedVersion('incident-7f1c', 3, 4);
  }

  @Get('teapot')
  teapot(): never {
    throw new HttpException('Short and stout.', 418);
  }

  @Post('reports')
  report(@Body() body: ReportRequestDto): ReportRequestDto {
    return body;
  }
}

class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown) {
    this.lines.push(String(message));
  }
  error(message: unknown, ...rest: unknown[]) {
    this.lines.push([message, ...rest].map(String).join(' '));
  }
  warn(message: unknown) {
    this.lines.push(String(message));
  }
}

describe('problem+json errors', () => {
  let app: INestApplication;
  const logger = new CapturingLogger();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [FixturesHttpController],
    }).compile();
    const nest = moduleRef.createNestApplication<NestExpressApplication>({ logger });
    configureHttpApp(nest);
    await nest.init();
    app = nest;
  });

  afterAll(() => app.close());

  const expectProblem = (response: request.Response, status: number) => {
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.any(String),
    });
  };

  it('hides an unexpected error behind a generic 500 and logs only its name', async () => {
    const response = await request(app.getHttpServer()).get('/fixtures/unexpected?q=secret');
    expectProblem(response, 500);
    expect(response.text).not.toMatch(/Aigerim|detained|at .*\.ts/);
    expect(response.body.instance).toBe('/fixtures/unexpected');
    const { correlationId } = response.body as { correlationId: string };
    expect(response.headers['x-correlation-id']).toBe(correlationId);
    const logged = logger.lines.join('\n');
    expect(logged).toContain(`unexpected Error (correlationId=${correlationId})`);
    expect(logged).not.toMatch(/Aigerim|detained|secret/);
  });

  it('keeps a usable correlation id given by the client', async () => {
    const response = await request(app.getHttpServer())
      .get('/fixtures/unexpected')
      .set('X-Correlation-Id', 'req-42');
    expect(response.body.correlationId).toBe('req-42');
  });

  it('answers a version conflict with 409 naming both versions', async () => {
    const response = await request(app.getHttpServer()).get('/fixtures/conflict');
    expectProblem(response, 409);
    expect(response.body).toMatchObject({ expectedVersion: 3, actualVersion: 4 });
  });

  it('keeps the status and message of an HttpException', async () => {
    const response = await request(app.getHttpServer()).get('/fixtures/teapot');
    expectProblem(response, 418);
    expect(response.body.detail).toBe('Short and stout.');
  });

  it('names each invalid field, its rule, and the allowed values', async () => {
    const response = await request(app.getHttpServer())
      .post('/fixtures/reports')
      .send({ title: 'ok', count: 'many', targets: [{ kind: 'exile' }], victimName: 'x' });
    expectProblem(response, 400);
    expect(response.body.type).toBe('urn:rights-ledger:problem:validation');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'count', message: expect.stringContaining('integer') },
        { field: 'targets.0.kind', message: expect.any(String), allowed: KINDS },
        { field: 'victimName', message: expect.stringContaining('should not exist') },
      ]),
    );
    expect(response.body.errors).toHaveLength(3);
  });

  it('refuses a NUL character, which PostgreSQL cannot store, naming the field', async () => {
    const response = await request(app.getHttpServer())
      .post('/fixtures/reports')
      .send({ title: 'ok', count: 2, targets: [{ kind: 'fine\u0000' }] });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual([
      { field: 'targets.0.kind', message: expect.stringContaining('NUL') },
    ]);
  });

  it('accepts a valid body', async () => {
    const body = { title: 'ok', count: 2, targets: [{ kind: 'fine' }] };
    const response = await request(app.getHttpServer()).post('/fixtures/reports').send(body);
    expect(response.status).toBe(201);
    expect(response.body).toEqual(body);
  });

  it('answers malformed JSON with 400 without quoting the body', async () => {
    const response = await request(app.getHttpServer())
      .post('/fixtures/reports')
      .set('Content-Type', 'application/json')
      .send('{"title": "Aigerim", oops}');
    expectProblem(response, 400);
    expect(response.body.detail).toBe('The request body is not valid JSON.');
    expect(response.text).not.toContain('Aigerim');
  });

  it.each([
    ['text/plain', 'title=ok'],
    ['application/x-www-form-urlencoded', 'title=ok&count=2'],
    ['application/xml', '<report/>'],
  ])(
    'refuses a %s body, which no route reads, with 415 saying what to send',
    async (type, body) => {
      const response = await request(app.getHttpServer())
        .post('/fixtures/reports')
        .set('Content-Type', type)
        .send(body);
      expectProblem(response, 415);
      expect(response.body.detail).toBe(
        `The request body is ${type}: send JSON (Content-Type: application/json), or multipart/form-data where a route takes a file.`,
      );
    },
  );

  it('answers an unknown route with 404', async () => {
    const response = await request(app.getHttpServer()).get('/no/such/route');
    expectProblem(response, 404);
  });
});
