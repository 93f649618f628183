/**
 * Export rules shared by the GitHub Action and the Jenkins plugin, free of either's types:
 * environment-variable name validation ({@link io.github.infisicalci.export.EnvNames},
 * {@link io.github.infisicalci.export.EnvNamePolicy}), key selection and renaming
 * ({@link io.github.infisicalci.export.KeySelection}, {@link io.github.infisicalci.export.ExportPlanner}),
 * {@code .infisical.json} branch mapping ({@link io.github.infisicalci.export.BranchEnvironmentMapping})
 * and file rendering ({@link io.github.infisicalci.export.ExportFormat}).
 */
package io.github.infisicalci.export;
