/** Label sets and label matchers with Prometheus's semantics: sorted immutable labels, name validation, RE2 regexes. */
package dev.vigil.core.labels;
