/** Sample values and their text forms as Prometheus writes and reads them. */
package dev.vigil.core.model;
