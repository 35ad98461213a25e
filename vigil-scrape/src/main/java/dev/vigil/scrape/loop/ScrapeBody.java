package dev.vigil.scrape.loop;

/**
 * One scrape's response, read whole and uncompressed: the first {@code length} bytes of {@code bytes}
 * (the array may be a reused, larger buffer) and the Content-Type the target declared ("" when none).
 */
public record ScrapeBody(byte[] bytes, int length, String contentType) {}
