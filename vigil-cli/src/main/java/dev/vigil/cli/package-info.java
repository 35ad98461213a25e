/** The vigil launcher: one picocli command per component; wiring only, no logic of its own. */
package dev.vigil.cli;
