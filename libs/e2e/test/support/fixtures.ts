import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../../domain/src/intake/__fixtures__');

/** Intake fixtures of libs/domain (X12, FHIR, canonical JSON, seed scenarios), as text. */
export const fixture = (path: string): string => readFileSync(join(root, path), 'utf8');
export const scenario = (name: string): string => fixture(`scenarios/${name}.json`);
