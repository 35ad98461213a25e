package dev.vigil.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar's manifest at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Vigil.class.getPackage().getImplementationVersion();
    return new String[] {
      "vigil " + (version == null ? "(development build)" : version),
      "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
