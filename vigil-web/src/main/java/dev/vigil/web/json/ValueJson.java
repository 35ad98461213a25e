package dev.vigil.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.labels.Labels;
import dev.vigil.core.model.GoFloat;
import dev.vigil.promql.value.InstantVector;
import dev.vigil.promql.value.Matrix;
import dev.vigil.promql.value.RangeSeries;
import dev.vigil.promql.value.Sample;
import dev.vigil.promql.value.Scalar;
import dev.vigil.promql.value.StringValue;
import dev.vigil.promql.value.Value;
import java.io.IOException;

/**
 * Query results in the API's JSON, as Prometheus 2.42 writes them. Two number styles meet here:
 * vector and matrix points write their time as exact milliseconds ({@code 1435781451.781}) and
 * their value in Go's float text, exponent form outside [1e-6, 1e21); scalars and strings go
 * through Go's generic JSON float encoding ({@code 1435781451.78}) and always write plain decimals.
 */
public final class ValueJson {
  private ValueJson() {}

  /** The {@code data} of a query answer: {@code {"resultType":...,"result":...}}. */
  public static void writeQueryData(JsonGenerator json, Value value) throws IOException {
    json.writeStartObject();
    json.writeStringField("resultType", resultType(value));
    json.writeFieldName("result");
    writeResult(json, value);
    json.writeEndObject();
  }

  static String resultType(Value value) {
    if (value instanceof Scalar) {
      return "scalar";
    } else if (value instanceof StringValue) {
      return "string";
    } else if (value instanceof InstantVector) {
      return "vector";
    }
    return "matrix";
  }

  static void writeResult(JsonGenerator json, Value value) throws IOException {
    if (value instanceof Scalar scalar) {
      json.writeStartArray();
      json.writeNumber(GoFloat.formatShortest(scalar.timestamp() / 1000.0));
      json.writeString(GoFloat.formatShortest(scalar.value()));
      json.writeEndArray();
    } else if (value instanceof StringValue string) {
      json.writeStartArray();
      json.writeNumber(GoFloat.formatShortest(string.timestamp() / 1000.0));
      json.writeString(string.value());
      json.writeEndArray();
    } else if (value instanceof InstantVector vector) {
      writeVector(json, vector);
    } else {
      writeMatrix(json, (Matrix) value);
    }
  }

  private static void writeVector(JsonGenerator json, InstantVector vector) throws IOException {
    char[] text = new char[GoFloat.FIXED_TEXT_CAPACITY];
    json.writeStartArray();
    for (Sample s : vector.samples()) {
      json.writeStartObject();
      json.writeFieldName("metric");
      writeLabels(json, s.labels());
      json.writeFieldName("value");
      writePoint(json, s.timestamp(), s.value(), text);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeMatrix(JsonGenerator json, Matrix matrix) throws IOException {
    char[] text = new char[GoFloat.FIXED_TEXT_CAPACITY];
    json.writeStartArray();
    for (RangeSeries s : matrix.series()) {
      json.writeStartObject();
      json.writeFieldName("metric");
      writeLabels(json, s.labels());
      // A series without points has no "values" member at all, as in Prometheus.
      if (s.count() > 0) {
        json.writeArrayFieldStart("values");
        for (int i = 0; i < s.count(); i++) {
          writePoint(json, s.timestamps()[i], s.values()[i], text);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** A label set as a JSON object; its names are already in the byte order Go sorts map keys in. */
  public static void writeLabels(JsonGenerator json, Labels labels) throws IOException {
    json.writeStartObject();
    for (int i = 0; i < labels.size(); i++) {
      json.writeStringField(labels.name(i), labels.value(i));
    }
    json.writeEndObject();
  }

  private static void writePoint(JsonGenerator json, long timestampMillis, double value, char[] text)
      throws IOException {
    json.writeStartArray();
    json.writeRawValue(text, 0, pointTime(timestampMillis, text));
    double abs = Math.abs(value);
    if (abs == 0 || (abs >= 1e-6 && abs < 1e21)) {
      json.writeString(text, 0, GoFloat.formatShortestInto(value, text));
    } else {
      json.writeString(goNumber(value));
    }
    json.writeEndArray();
  }

  /**
   * Milliseconds as seconds, the fraction (if any) always three digits (1500 ms is {@code 1.500}),
   * written into {@code out} from index 0; returns the length.
   */
  static int pointTime(long millis, char[] out) {
    int pos = 0;
    long abs = millis;
    if (millis < 0) {
      out[pos++] = '-';
      abs = -millis;
    }
    long seconds = abs / 1000;
    int digits = 1;
    for (long rest = seconds / 10; rest != 0; rest /= 10) {
      digits++;
    }
    long rest = seconds;
    for (int i = pos + digits - 1; i >= pos; i--) {
      out[i] = (char) ('0' + rest % 10);
      rest /= 10;
    }
    pos += digits;
    int fraction = (int) (abs % 1000);
    if (fraction != 0) {
      out[pos++] = '.';
      out[pos++] = (char) ('0' + fraction / 100);
      out[pos++] = (char) ('0' + fraction / 10 % 10);
      out[pos++] = (char) ('0' + fraction % 10);
    }
    return pos;
  }



  /** A float64 as Go's JSON encoders write a number: shortest digits, exponent form outside [1e-6, 1e21). */
  public static String goNumber(double v) {
    double abs = Math.abs(v);
    boolean exponent = abs != 0 && (abs < 1e-6 || abs >= 1e21);
    // %g picks exponent form for exactly these magnitudes, with the same shortest digits.
    return exponent ? GoFloat.formatG(v) : GoFloat.formatShortest(v);
  }
}
