import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dirname, join } from 'node:path';

export const OPENAPI_DOCUMENT = Symbol('OPENAPI_DOCUMENT');

const SWAGGER_UI_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

/** Swagger UI's own files, served from the installed package (no CDN). */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css',
  'swagger-ui-bundle.js': 'text/javascript',
  'swagger-ui-standalone-preset.js': 'text/javascript',
  'favicon-32x32.png': 'image/png',
};

// Relative URLs, so the page works behind the web front end's /api/{service}/ proxy too.
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ClaimFlow API</title>
<link rel="stylesheet" href="docs/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/swagger-ui-bundle.js"></script>
<script src="docs/swagger-ui-standalone-preset.js"></script>
<script src="docs/init.js"></script>
</body>
</html>
`;

// A file rather than an inline script, so a strict Content-Security-Policy (script-src 'self') allows it.
const INIT = `window.onload = function () {
  window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#swagger-ui', presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' });
};
`;

@Controller()
export class ApiDocsHttpController {
  constructor(@Inject(OPENAPI_DOCUMENT) private readonly document: object) {}

  @Get('openapi.json')
  @Header('Cache-Control', 'no-cache')
  openapi(): object {
    return this.document;
  }

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('docs/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    if (file === 'init.js') return void res.type('text/javascript').send(INIT);
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) throw new NotFoundException({ code: 'NOT_FOUND', message: 'no such documentation asset' });
    res.type(type).setHeader('Cache-Control', 'public, max-age=3600');
    res.sendFile(join(SWAGGER_UI_DIR, file));
  }
}
