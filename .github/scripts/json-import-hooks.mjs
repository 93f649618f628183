// node --import ./json-import-hooks.mjs: JSON modules load without an explicit import attribute.
import {register} from "node:module";

if (!process.env.JSON_IMPORT_HOOKS_REGISTERED) {
  process.env.JSON_IMPORT_HOOKS_REGISTERED = "1";
  register(import.meta.url, import.meta.url);
}

export async function load(url, context, next) {
  if (url.endsWith(".json")) {
    return next(url, {...context, importAttributes: {type: "json"}});
  }
  return next(url, context);
}
