package dev.vigil.promql.ast;

import java.util.List;

/**
 * The signature of a PromQL function. {@code variadic} is 0 for a fixed argument list, -1 for any
 * number of trailing arguments of the last type, or n &gt; 0 for up to n optional trailing arguments.
 */
public record Function(String name, List<ExprType> argTypes, int variadic, ExprType returnType) {
  public Function {
    argTypes = List.copyOf(argTypes);
  }
}
