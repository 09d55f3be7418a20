/**
 * Lets a plain `node` child process require the repository's TypeScript, as ts-jest does for
 * the test process: each .ts file is transpiled alone (tsconfig.json sets isolatedModules), no
 * type-checking. Loaded with `node --require`.
 */
const Module = require('node:module');
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
	module: ts.ModuleKind.CommonJS,
	target: ts.ScriptTarget.ES2022,
	esModuleInterop: true,
	resolveJsonModule: true,
	inlineSourceMap: true,
};

const others = { ...Module._extensions };
for (const extension of Object.keys(others)) delete Module._extensions[extension];
// First, as in Jest: `./Marketo.node` is Marketo.node.ts, not the codex file Marketo.node.json.
Module._extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
	module._compile(outputText, filename);
};
Object.assign(Module._extensions, others);
