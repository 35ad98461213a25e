package dev.vigil.web.api;

import dev.vigil.promql.ast.Expr;
import dev.vigil.promql.parser.ParseException;
import dev.vigil.promql.parser.PromqlParser;
import dev.vigil.promql.parser.Prettifier;

/** {@code /api/v1/format_query}: the query, parsed and printed back in Prometheus's pretty layout. */
public final class FormatQueryEndpoint implements ApiEndpoint {
  @Override
  public ApiResult handle(ApiRequest request) {
    Expr expr;
    try {
      expr = PromqlParser.parseExpr(request.params().get("query"));
    } catch (ParseException e) {
      throw ApiException.invalidParameter("query", e.getMessage());
    }
    String pretty = Prettifier.prettify(expr);
    return json -> json.writeString(pretty);
  }
}
