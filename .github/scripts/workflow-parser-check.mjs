// Parses workflows with @actions/workflow-parser (GitHub's own workflow parser and schema) and prints
// each error; exit 1 when any file has one. Run by validate-workflows.sh, which installs the package.
// The package imports its JSON schema without an import attribute; json-import-hooks.mjs adds it for
// Node 20.
import {parseWorkflow, NoOperationTraceWriter} from "@actions/workflow-parser";
import {readFileSync} from "node:fs";

let failed = 0;
for (const file of process.argv.slice(2)) {
  const result = parseWorkflow({name: file, content: readFileSync(file, "utf8")}, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors();
  if (errors.length > 0) {
    failed++;
    console.log("FAIL " + file);
    for (const e of errors) console.log("  " + e.message);
  } else {
    console.log("ok " + file);
  }
}
process.exit(failed ? 1 : 0);
