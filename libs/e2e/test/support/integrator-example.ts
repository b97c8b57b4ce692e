import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '../../../..');

export interface ExampleCopy {
  /** The example, beside the SDK as `npm run build` lays it out (dist/libs/sdk/src), in a directory of its own. */
  readonly script: string;
  remove(): void;
}

/**
 * docs/examples/integrator.mjs with the SDK of this tree built beside it (each source transpiled as tsc's build emits
 * it: CommonJS, ES2022), so the test runs what a reader runs after `npm run build`, without writing into the
 * repository's dist/. The copy resolves packages from the repository's node_modules.
 */
export function copyExampleWithSdk(): ExampleCopy {
  const dir = mkdtempSync(join(tmpdir(), 'integrator-example-'));
  const sdkOut = join(dir, 'dist/libs/sdk/src');
  mkdirSync(sdkOut, { recursive: true });
  const sources = join(root, 'libs/sdk/src');
  for (const file of readdirSync(sources).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
    const { outputText } = ts.transpileModule(readFileSync(join(sources, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: file,
    });
    writeFileSync(join(sdkOut, file.replace(/\.ts$/, '.js')), outputText);
  }
  mkdirSync(join(dir, 'docs/examples'), { recursive: true });
  const script = join(dir, 'docs/examples/integrator.mjs');
  copyFileSync(join(root, 'docs/examples/integrator.mjs'), script);
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { script, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ExampleRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the example with node, as a reader does, and answers its exit code and output. */
export function runExample(script: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<ExampleRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { env: { ...process.env, ...env }, timeout: timeoutMs }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}
