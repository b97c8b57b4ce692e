import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { static as serveStatic } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeProblem } from '@claimflow/http-edge';
import { WEB_CONFIG, type WebConfig } from '../config/web.config';
import { clientDir } from './client-dir';

const NOT_SPA = /^\/(api|health|metrics|docs|openapi\.json)(\/|$|\?)/;

/** Serves the built client; any other page path gets index.html so the client's router decides. */
@Injectable()
export class SpaMiddleware implements NestMiddleware {
  private readonly dir: string;
  private readonly assets: ReturnType<typeof serveStatic>;

  constructor(@Inject(WEB_CONFIG) config: WebConfig) {
    this.dir = clientDir(config.WEB_CLIENT_DIR);
    this.assets = serveStatic(this.dir, { index: false, maxAge: '1h', fallthrough: true });
  }

  use(req: Request, res: Response, next: NextFunction): void {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_SPA.test(req.originalUrl)) return next();
    this.assets(req, res, () => {
      const index = join(this.dir, 'index.html');
      if (!existsSync(index)) {
        const message = 'the web client is not built: run npx vite build --config services/web/client/vite.config.ts';
        return writeProblem(res, 503, { code: 'CLIENT_NOT_BUILT', message });
      }
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    });
  }
}
