package dev.vigil.scrape.http;

/** A response whose head has arrived: what the scraper looks at before it reads the body. */
interface Exchange {
  /** The status code. */
  int statusCode();

  /** Go's {@code Response.Status}: the code and its reason phrase ({@code 503 Service Unavailable}). */
  String status();

  /** The first value of a header (its name in any case), or null when absent. */
  String header(String name);

  /** Go's {@code Response.ContentLength}: the body's declared length, -1 when unknown. */
  long contentLength();

  /** The body, to be read to its end or cancelled. */
  BodySource body();
}
