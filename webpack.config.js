const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000';
/** Where the built add-in will be served; the manifest's URLs are rewritten to it. */
const ADDIN_URL = addinUrl(process.env.ADDIN_URL || DEV_URL);

/** ADDIN_URL without trailing slashes; refused (th + en) when it is not an absolute http(s) URL without query or hash. */
function addinUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new Error(
      `ADDIN_URL ไม่ถูกต้อง: ต้องเป็นที่อยู่ https เช่น https://example.org/plancheck (ได้ "${raw}")\n` +
        `ADDIN_URL is not valid: it must be an https address such as https://example.org/plancheck (got "${raw}")`,
    );
  }
  if (url.protocol !== 'https:') {
    console.warn(`ตรวจแผน: ADDIN_URL ไม่ใช่ https ซึ่ง Excel จะไม่เปิด (${raw})\nPlanCheck: ADDIN_URL is not https, which Excel refuses (${raw})`);
  }
  return raw.replace(/\/+$/, '');
}

/**
 * The manifest's URLs rewritten from the dev server to ADDIN_URL. <AppDomain> takes only the origin
 * (scheme://host[:port]): the manifest rules forbid a path there, while every other URL keeps ADDIN_URL's path.
 */
function rewriteManifest(xml, base) {
  return xml
    .split(DEV_URL)
    .join(base)
    .replace(/(<AppDomain>\s*)([^<]*?)(\s*<\/AppDomain>)/g, (m, open, value, close) => open + new URL(value).origin + close);
}

/** office-addin-dev-certs writes these when the developer ran `npx office-addin-dev-certs install`. */
function devServerProtocol() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    const options = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
    return { type: 'https', options };
  }
  console.warn(
    [
      '',
      'ตรวจแผน: no development certificate in ~/.office-addin-dev-certs, so the dev server uses plain http.',
      'PlanCheck: Excel needs https. On Windows or macOS run `npx office-addin-dev-certs install` once, then restart.',
      'On Linux (no sudo, the CA cannot be installed) use http://localhost:3000/taskpane.html in a browser only.',
      '',
    ].join('\n'),
  );
  return 'http';
}

/**
 * The syntax level of everything the pane ships, ours and node_modules': ES2017, what EdgeHTML 18 and Safari 11+
 * parse, so that no WebView fails on syntax before the page can say what is missing (taskpane.html's boot check).
 * Class fields keep [[Define]] semantics (as in ES2022) when lowered. test/bundle-syntax.test.ts checks dist/.
 */
const ES_TARGET = 'ES2017';
const BOOT_SCRIPT = path.resolve(__dirname, 'src/taskpane/boot.js');
const lower = (extra) => ({
  loader: 'ts-loader',
  options: {
    transpileOnly: true,
    ...extra,
    compilerOptions: { noEmit: false, module: 'esnext', target: ES_TARGET, useDefineForClassFields: true, ...extra.compilerOptions },
  },
});

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
  return {
    target: ['web', ES_TARGET.toLowerCase()],
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    devtool: dev ? 'source-map' : false,
    performance: { hints: false },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: lower({ compilerOptions: { sourceMap: dev } }) },
        // React, Fluent UI, zod, exceljs… ship ES2020+ syntax: such files are lowered too.
        { test: /\.[cm]?js$/, include: /node_modules/, use: { loader: path.resolve(__dirname, 'scripts/lower-syntax.cjs'), options: { target: ES_TARGET } } },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        // The ES5 boot script, inlined so that it runs before anything else is fetched; watched in dev.
        templateParameters: (compilation, assets, tags, options) => {
          compilation.fileDependencies.add(BOOT_SCRIPT);
          return {
            compilation,
            webpackConfig: compilation.options,
            htmlWebpackPlugin: { tags, files: assets, options },
            bootScript: fs.readFileSync(BOOT_SCRIPT, 'utf8').replace(/<\/script/gi, '<\\/script'),
          };
        },
      }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => rewriteManifest(content.toString(), ADDIN_URL),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: devServerProtocol(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.resolve(__dirname, 'dist') },
    },
  };
};
