// Jest transform for the console's framework-free modules (apps/console/src), which its unit specs import. The console
// is an ES-module package (apps/console/package.json), so ts-jest, given the root tsconfig, would emit ES modules there,
// and it keeps one compiler per jest project, so a second ts-jest entry with other options would not be used either.
// Plain TypeScript transpilation to CommonJS is all these modules need: type checking is `npm run typecheck`'s job.
/* eslint-disable @typescript-eslint/no-require-imports -- jest loads this file as CommonJS */
const { createHash } = require('node:crypto');
const ts = require('typescript');
/* eslint-enable @typescript-eslint/no-require-imports */

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  inlineSourceMap: true,
  inlineSources: true,
};

module.exports = {
  /** @param {string} sourceText @param {string} sourcePath */
  process(sourceText, sourcePath) {
    const { outputText } = ts.transpileModule(sourceText, { compilerOptions, fileName: sourcePath });
    return { code: outputText };
  },
  /** @param {string} sourceText @param {string} sourcePath */
  getCacheKey(sourceText, sourcePath) {
    return createHash('sha256')
      .update(`${ts.version}\n${JSON.stringify(compilerOptions)}\n${sourcePath}\n${sourceText}`)
      .digest('hex');
  },
};
