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
  if (url.protocol !== 'https:') console.warn(`ตรวจแผน: ADDIN_URL ไม่ใช่ https, Excel จะไม่เปิด / PlanCheck: ADDIN_URL is not https; Excel will refuse it (${raw})`);
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

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
  return {
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
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { noEmit: false, module: 'esnext', sourceMap: dev } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
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
