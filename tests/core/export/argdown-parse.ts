/** Argdown's own parser and model builder (`@argdown/core`), as the Argdown tools run them. */
import {
  ArgdownApplication,
  DataPlugin,
  type IArgdownResponse,
  ModelPlugin,
  ParserPlugin,
} from "@argdown/core";

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new DataPlugin(), "build-model");
app.addPlugin(new ModelPlugin(), "build-model");

/** Parses Argdown text; plugin failures throw instead of being dropped into `exceptions`. */
export function parseArgdown(input: string): IArgdownResponse {
  return app.run({
    process: ["parse-input", "build-model"],
    input,
    throwExceptions: true,
    logLevel: "error",
  });
}
