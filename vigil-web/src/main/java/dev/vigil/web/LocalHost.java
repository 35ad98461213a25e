package dev.vigil.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's names, as Prometheus finds them: the kernel's host name, and the FQDN it resolves to. */
final class LocalHost {
  private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

  private LocalHost() {}

  /** Go's os.Hostname: the kernel's name for this host. */
  static String name() {
    try {
      return Files.readString(KERNEL_HOSTNAME, StandardCharsets.UTF_8).trim();
    } catch (IOException | SecurityException e) {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException unknown) {
        return "localhost";
      }
    }
  }

  /** The fully qualified name, falling back to the host name when it does not resolve (as Prometheus's fqdn). */
  static String fqdn() {
    String name = name();
    try {
      String canonical = InetAddress.getByName(name).getCanonicalHostName();
      return canonical.isEmpty() ? name : canonical;
    } catch (UnknownHostException | SecurityException e) {
      return name;
    }
  }
}
