package dev.vigil.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * What a successful endpoint answers: the {@code data} member, written straight to the client, and
 * the warnings met, asked for only after the data is written so that a streamed read can report the
 * warnings it met on the way. {@link #close()} releases what the data needed (e.g. a querier).
 */
public interface ApiResult extends AutoCloseable {
  void writeData(JsonGenerator json) throws IOException;

  default List<String> warnings() {
    return List.of();
  }

  @Override
  default void close() {
  }
}
