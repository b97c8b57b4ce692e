import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { EdgeConfig } from '../config/edge.config';

/** The edge settings every service parses (BaseConfigSchema), with the environment the edge checks them against. */
export type EdgeServiceConfig = EdgeConfig & { readonly NODE_ENV: string };

/** How a service reads request bodies: the limit, and which bodies it leaves for its own code to read. */
export interface BodyParsing {
  readonly limit: string;
  /** Parse text bodies (X12 as text/plain); off where a service streams them itself. */
  readonly parseText: boolean;
  /** Parse JSON bodies; off where a service reads the bytes itself (to check their encoding). */
  readonly parseJson: boolean;
}

export interface HttpEdgeOptions {
  /** The service's OpenAPI document, served at /openapi.json and /docs. */
  readonly openapi?: object;
}

/**
 * The HTTP edge of a service (API keys, throttling, security headers, problem details, /metrics, API docs), as the
 * runtime sees it: the runtime starts the server and the consumer, the edge shapes what the server answers. Given by
 * @claimflow/http-edge (httpEdge), so the runtime never imports the edge.
 */
export interface HttpEdgePort {
  /** The Nest modules the edge adds to a service. */
  modules(config: EdgeServiceConfig, options?: HttpEdgeOptions): DynamicModule[];
  /** Applied to the app before it listens: headers, proxies, body parsing, errors as problem details. */
  prepare(app: NestExpressApplication, config: EdgeServiceConfig, body: BodyParsing): void;
}
