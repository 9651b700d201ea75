/** Runs the project's webpack.config.js in-process (used by the e2e test and the bundle-size bench). */
import { join } from "path";
import webpack from "webpack";

const ROOT = join(__dirname, "..", "..");

export async function buildWithWebpack(
  env: Record<string, unknown>,
  mode: "production" | "development",
  adjust: (config: webpack.Configuration) => void = () => undefined,
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFn = require(join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<webpack.Configuration>;
  const config = await configFn(env, { mode });
  config.infrastructureLogging = { level: "error" };
  adjust(config);
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve();
    }),
  );
}
