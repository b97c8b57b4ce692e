import {
  BadRequestException,
  Controller,
  Get,
  Module,
  Post,
  RequestMethod,
  type INestApplication,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProblemDetailsSchema } from '@claimflow/contracts';
import { ProblemFilter } from './problem.filter';
import { problemOf } from './problem';

@Controller('v1/things')
class ThingsController {
  @Get(':id')
  one(): never {
    throw new BadRequestException({ code: 'THING_ID_INVALID', field: 'id', message: 'id must be a number' });
  }

  @Post()
  make(): never {
    throw new Error('MRN-0042 is in this message');
  }
}

/** As every service has (metrics, web's proxy): middleware on every path and method, which is no route of its own. */
@Module({ controllers: [ThingsController] })
class ThingsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply((_req: unknown, _res: unknown, next: () => void) => next()).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

describe('one error shape (RFC 9457) from the platform filter', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(ThingsModule, { logger: false });
    app.useGlobalFilters(new ProblemFilter());
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(() => app.close());

  const call = async (method: string, path: string) => {
    const res = await fetch(`${base}${path}`, { method });
    return { status: res.status, type: res.headers.get('content-type'), allow: res.headers.get('allow'), body: await res.json() };
  };

  it('keeps a refusal code and turns its field into errors[]', async () => {
    const answer = await call('GET', '/v1/things/x');
    expect(answer).toMatchObject({
      status: 400,
      type: 'application/problem+json; charset=utf-8',
      body: {
        type: 'https://claimflow.dev/problems/thing-id-invalid',
        title: 'Bad Request',
        status: 400,
        code: 'THING_ID_INVALID',
        detail: 'id must be a number',
        message: 'id must be a number',
        errors: [{ path: 'id', code: 'THING_ID_INVALID', message: 'id must be a number' }],
      },
    });
    expect(ProblemDetailsSchema.safeParse(answer.body).success).toBe(true);
  });

  it('answers an unknown route 404 ROUTE_NOT_FOUND without echoing the URL', async () => {
    const answer = await call('GET', '/v1/nothing-here?mrn=MRN-0042');
    expect(answer).toMatchObject({ status: 404, body: { code: 'ROUTE_NOT_FOUND', status: 404, errors: [] } });
    expect(JSON.stringify(answer.body)).not.toMatch(/nothing-here|MRN/);
  });

  it('answers a method the path does not take 405 METHOD_NOT_ALLOWED with Allow', async () => {
    expect(await call('DELETE', '/v1/things/7')).toMatchObject({
      status: 405,
      allow: 'GET, HEAD',
      body: { code: 'METHOD_NOT_ALLOWED', status: 405, allowed: ['GET', 'HEAD'] },
    });
    expect(await call('PUT', '/v1/things')).toMatchObject({ status: 405, allow: 'POST' });
  });

  it('answers an unexpected error 500 INTERNAL_ERROR without its message', async () => {
    const answer = await call('POST', '/v1/things');
    expect(answer).toMatchObject({ status: 500, body: { code: 'INTERNAL_ERROR', title: 'Internal Server Error' } });
    expect(JSON.stringify(answer.body)).not.toContain('MRN');
  });

  it('names the code of a status when a refusal has none, and fills each field problem', () => {
    expect(problemOf(413)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', title: 'Payload Too Large', detail: 'Payload Too Large' });
    expect(problemOf(400, { code: 'QUERY_INVALID', message: 'bad', errors: [{ path: ['a', 0], message: 'm' }] }).errors).toEqual([
      { path: 'a.0', code: 'QUERY_INVALID', message: 'm' },
    ]);
  });
});
