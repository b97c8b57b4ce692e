import { buildAsyncApi } from '../asyncapi/asyncapi';
import { SERVICE_APIS, openApiDocument } from './index';

/** docs/ files generated from the contracts: path (from the repository root) -> content. */
export function apiDocumentFiles(): Record<string, string> {
  const render = (doc: object) => `${JSON.stringify(doc, null, 2)}\n`;
  const files: Record<string, string> = { 'docs/asyncapi.json': render(buildAsyncApi()) };
  for (const service of Object.keys(SERVICE_APIS) as (keyof typeof SERVICE_APIS)[])
    files[`docs/openapi/${service}.json`] = render(openApiDocument(service));
  return files;
}
