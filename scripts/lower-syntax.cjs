// webpack loader: lowers a node_modules file to the pane's syntax level with TypeScript's transpiler, but only when
// acorn (webpack's own parser) cannot parse it at that level already; most files pass through untouched, which
// keeps the production build fast (exceljs alone is 1.3 MB).
const acorn = require('acorn');
const ts = require('typescript');

/** "ES2017" → 2017. */
const year = (target) => Number(/^ES(\d{4})$/i.exec(target)?.[1]);

function parses(source, ecmaVersion) {
  for (const sourceType of ['module', 'script']) {
    try {
      acorn.parse(source, { ecmaVersion, sourceType, allowHashBang: true, allowReturnOutsideFunction: sourceType === 'script' });
      return true;
    } catch {
      // try the other source type: CommonJS files may use sloppy-mode syntax
    }
  }
  return false;
}

module.exports = function lowerSyntax(source) {
  const { target } = this.getOptions();
  if (parses(source, year(target))) return source;
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath,
    compilerOptions: {
      allowJs: true,
      target,
      module: ts.ModuleKind.ESNext,
      // ES2022 class-field semantics ([[Define]]) kept when fields are lowered into the constructor.
      useDefineForClassFields: true,
      jsx: ts.JsxEmit.Preserve,
      sourceMap: false,
    },
  });
  return out.outputText;
};
