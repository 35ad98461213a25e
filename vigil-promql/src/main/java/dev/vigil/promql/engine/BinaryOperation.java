package dev.vigil.promql.engine;

import dev.vigil.core.labels.Labels;
import dev.vigil.promql.ast.BinaryExpr;
import dev.vigil.promql.ast.BinaryOp;
import dev.vigil.promql.ast.ExprType;
import dev.vigil.promql.ast.VectorMatching;
import dev.vigil.promql.ast.VectorMatching.Cardinality;
import dev.vigil.promql.functions.GoMath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates a binary operation at every step: scalar/scalar, vector/scalar, and vector matching. */
final class BinaryOperation {
  private final Evaluator ev;
  private final BinaryExpr bin;
  private final BinaryOp op;
  private final int steps;

  BinaryOperation(Evaluator ev, BinaryExpr bin) {
    this.ev = ev;
    this.bin = bin;
    this.op = bin.op();
    this.steps = ev.steps();
  }

  List<StepSeries> evaluate() {
    List<StepSeries> lhs = ev.eval(bin.lhs());
    List<StepSeries> rhs = ev.eval(bin.rhs());
    boolean lhsScalar = bin.lhs().type() == ExprType.SCALAR;
    boolean rhsScalar = bin.rhs().type() == ExprType.SCALAR;
    if (lhsScalar && rhsScalar) {
      return List.of(scalars(lhs.get(0).values, rhs.get(0).values));
    }
    if (rhsScalar) {
      return vectorScalar(lhs, rhs.get(0).values, false);
    }
    if (lhsScalar) {
      return vectorScalar(rhs, lhs.get(0).values, true);
    }
    return switch (op) {
      case AND, OR, UNLESS -> new SetOperation(lhs, rhs).evaluate();
      default -> new Matching(lhs, rhs).evaluate();
    };
  }

  private StepSeries scalars(double[] l, double[] r) {
    double[] out = new double[steps];
    for (int i = 0; i < steps; i++) {
      out[i] = switch (op) {
        case EQL -> l[i] == r[i] ? 1 : 0;
        case NEQ -> l[i] != r[i] ? 1 : 0;
        case GTR -> l[i] > r[i] ? 1 : 0;
        case LSS -> l[i] < r[i] ? 1 : 0;
        case GTE -> l[i] >= r[i] ? 1 : 0;
        case LTE -> l[i] <= r[i] ? 1 : 0;
        default -> arithmetic(l[i], r[i]);
      };
    }
    return StepSeries.scalar(out);
  }

  private double arithmetic(double l, double r) {
    return switch (op) {
      case ADD -> l + r;
      case SUB -> l - r;
      case MUL -> l * r;
      case DIV -> l / r;
      case POW -> GoMath.pow(l, r);
      case MOD -> GoMath.mod(l, r);
      case ATAN2 -> Math.atan2(l, r);
      default -> throw new IllegalStateException("not arithmetic: " + op);
    };
  }

  /** Whether a comparison holds; arithmetic always "holds". */
  private boolean holds(double l, double r) {
    return switch (op) {
      case EQL -> l == r;
      case NEQ -> l != r;
      case GTR -> l > r;
      case LSS -> l < r;
      case GTE -> l >= r;
      case LTE -> l <= r;
      default -> true;
    };
  }

  /** Arithmetic drops the metric name; comparisons and atan2 keep it. */
  private boolean dropsName() {
    return switch (op) {
      case ADD, SUB, MUL, DIV, POW, MOD -> true;
      default -> false;
    };
  }

  private List<StepSeries> vectorScalar(List<StepSeries> vector, double[] scalar, boolean scalarOnLeft) {
    boolean dropName = dropsName() || bin.returnBool();
    RowCollector out = new RowCollector(steps, false);
    for (StepSeries row : vector) {
      double[] values = new double[steps];
      boolean[] present = new boolean[steps];
      for (int step = 0; step < steps; step++) {
        if (!row.present[step]) {
          continue;
        }
        double l = scalarOnLeft ? scalar[step] : row.values[step];
        double r = scalarOnLeft ? row.values[step] : scalar[step];
        boolean keep = holds(l, r);
        double value = op.isComparison() ? row.values[step] : arithmetic(l, r);
        if (bin.returnBool()) {
          value = keep ? 1 : 0;
          keep = true;
        }
        if (keep) {
          values[step] = value;
          present[step] = true;
        }
      }
      out.addRow(dropName ? LabelOps.dropName(row.labels) : row.labels, values, present);
    }
    return out.rows();
  }

  /** The labels two series are matched on: the on(...) labels, or all but ignoring(...) and the name. */
  private static Labels signature(Labels labels, VectorMatching matching) {
    return matching.on()
        ? LabelOps.keep(labels, matching.matchingLabels())
        : LabelOps.without(labels, matching.matchingLabels(), true);
  }

  private static List<Labels> signatures(List<StepSeries> rows, VectorMatching matching) {
    List<Labels> sigs = new ArrayList<>(rows.size());
    for (StepSeries row : rows) {
      sigs.add(signature(row.labels, matching));
    }
    return sigs;
  }

  /** and, or, unless: which series of each side survive, by signature; values are untouched. */
  private final class SetOperation {
    private final List<StepSeries> lhs;
    private final List<StepSeries> rhs;
    private final List<Labels> lhsSigs;
    private final List<Labels> rhsSigs;

    SetOperation(List<StepSeries> lhs, List<StepSeries> rhs) {
      this.lhs = lhs;
      this.rhs = rhs;
      this.lhsSigs = signatures(lhs, bin.matching());
      this.rhsSigs = signatures(rhs, bin.matching());
    }

    List<StepSeries> evaluate() {
      RowCollector out = new RowCollector(steps, false);
      Set<Labels> sigs = new HashSet<>();
      for (int step = 0; step < steps; step++) {
        boolean lhsEmpty = !anyPresent(lhs, step);
        boolean rhsEmpty = !anyPresent(rhs, step);
        sigs.clear();
        switch (op) {
          case AND -> {
            if (lhsEmpty || rhsEmpty) {
              continue;
            }
            collect(rhs, rhsSigs, step, sigs);
            emit(lhs, lhsSigs, step, sigs, true, out);
          }
          case OR -> {
            emit(lhs, lhsSigs, step, sigs, false, out);
            collect(lhs, lhsSigs, step, sigs);
            emit(rhs, rhsSigs, step, sigs, false, out);
          }
          default -> {
            if (!lhsEmpty && !rhsEmpty) {
              collect(rhs, rhsSigs, step, sigs);
            }
            emit(lhs, lhsSigs, step, sigs, false, out);
          }
        }
      }
      return out.rows();
    }

    private void collect(List<StepSeries> rows, List<Labels> rowSigs, int step, Set<Labels> into) {
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).present[step]) {
          into.add(rowSigs.get(i));
        }
      }
    }

    /** Emits the rows present at the step whose signature is (or, without {@code member}, is not) in the set. */
    private void emit(List<StepSeries> rows, List<Labels> rowSigs, int step, Set<Labels> sigs, boolean member,
        RowCollector out) {
      for (int i = 0; i < rows.size(); i++) {
        StepSeries row = rows.get(i);
        if (row.present[step] && sigs.contains(rowSigs.get(i)) == member) {
          out.add(row.labels, step, row.values[step]);
        }
      }
    }
  }

  private static boolean anyPresent(List<StepSeries> rows, int step) {
    for (StepSeries row : rows) {
      if (row.present[step]) {
        return true;
      }
    }
    return false;
  }

  /** Arithmetic and comparisons between two vectors, one-to-one or with group_left/group_right. */
  private final class Matching {
    private final VectorMatching matching = bin.matching();
    private final Cardinality card = matching.cardinality();
    /** The "many" side (the left one unless group_right). */
    private final List<StepSeries> many;
    /** The "one" side, whose signatures must be unique at each step. */
    private final List<StepSeries> one;
    private final List<Labels> manySigs;
    private final List<Labels> oneSigs;
    private final Map<Long, Labels> resultLabels = new HashMap<>();

    Matching(List<StepSeries> lhs, List<StepSeries> rhs) {
      boolean swapped = card == Cardinality.ONE_TO_MANY;
      this.many = swapped ? rhs : lhs;
      this.one = swapped ? lhs : rhs;
      this.manySigs = signatures(many, matching);
      this.oneSigs = signatures(one, matching);
    }

    List<StepSeries> evaluate() {
      RowCollector out = new RowCollector(steps, false);
      Map<Labels, Integer> oneBySig = new HashMap<>();
      Map<Labels, Set<Labels>> matched = new HashMap<>();
      for (int step = 0; step < steps; step++) {
        if (!anyPresent(many, step) || !anyPresent(one, step)) {
          continue;
        }
        oneBySig.clear();
        matched.clear();
        for (int j = 0; j < one.size(); j++) {
          if (!one.get(j).present[step]) {
            continue;
          }
          Integer earlier = oneBySig.putIfAbsent(oneSigs.get(j), j);
          if (earlier != null) {
            throw duplicateOnOneSide(one.get(j).labels, one.get(earlier).labels);
          }
        }
        for (int i = 0; i < many.size(); i++) {
          StepSeries m = many.get(i);
          if (!m.present[step]) {
            continue;
          }
          Integer j = oneBySig.get(manySigs.get(i));
          if (j == null) {
            continue;
          }
          double l = m.values[step];
          double r = one.get(j).values[step];
          if (card == Cardinality.ONE_TO_MANY) {
            double t = l;
            l = r;
            r = t;
          }
          boolean keep = holds(l, r);
          double value = op.isComparison() ? l : arithmetic(l, r);
          if (bin.returnBool()) {
            value = keep ? 1 : 0;
          } else if (!keep) {
            continue;
          }
          Labels metric = result(i, j);
          Set<Labels> results = matched.get(manySigs.get(i));
          if (card == Cardinality.ONE_TO_ONE) {
            if (results != null) {
              throw new PromqlException(ErrorType.EXECUTION,
                  "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
            }
            matched.put(manySigs.get(i), Set.of());
          } else {
            if (results == null) {
              results = new HashSet<>();
              matched.put(manySigs.get(i), results);
            }
            if (!results.add(metric)) {
              throw new PromqlException(ErrorType.EXECUTION,
                  "multiple matches for labels: grouping labels must ensure unique matches");
            }
          }
          out.add(metric, step, value);
        }
      }
      return out.rows();
    }

    private PromqlException duplicateOnOneSide(Labels series, Labels earlier) {
      String side = card == Cardinality.ONE_TO_MANY ? "left" : "right";
      return new PromqlException(ErrorType.EXECUTION, "found duplicate series for the match group "
          + signature(series, matching) + " on the " + side + " hand-side of the operation: [" + series + ", "
          + earlier + "];many-to-many matching not allowed: matching labels must be unique on one side");
    }

    /** The labels of a result: the "many" side's, adjusted by the operator and the matching clause. */
    private Labels result(int manyIndex, int oneIndex) {
      long key = ((long) manyIndex << 32) | oneIndex;
      Labels cached = resultLabels.get(key);
      if (cached != null) {
        return cached;
      }
      Labels m = many.get(manyIndex).labels;
      Labels o = one.get(oneIndex).labels;
      var b = m.toBuilder();
      if (dropsName()) {
        b.remove(Labels.METRIC_NAME);
      }
      Labels labels = b.build();
      if (card == Cardinality.ONE_TO_ONE) {
        labels = matching.on()
            ? LabelOps.keep(labels, matching.matchingLabels())
            : LabelOps.without(labels, matching.matchingLabels(), false);
      }
      if (!matching.include().isEmpty()) {
        var withIncluded = labels.toBuilder();
        for (String name : matching.include()) {
          withIncluded.set(name, o.getOrEmpty(name));
        }
        labels = withIncluded.build();
      }
      if (bin.returnBool()) {
        labels = LabelOps.dropName(labels);
      }
      resultLabels.put(key, labels);
      return labels;
    }
  }
}
