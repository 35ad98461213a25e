/** {@code vigil tools ...}: offline commands over TSDB data directories, compatible with promtool's. */
package dev.vigil.cli.tools;
