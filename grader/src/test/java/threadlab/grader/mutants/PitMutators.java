package threadlab.grader.mutants;

import com.github.javaparser.JavaToken;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PIT's default group of operators, applied to source: each makes the change that PIT makes to
 * the bytecode the source compiles to. Where the bytecode has no twin in source, the source form
 * PIT's change would decompile to is used: a field's {@code ++} is an addition to PIT (MATH), a
 * local's is an increment (INCREMENTS).
 */
final class PitMutators {

    private static final Map<BinaryExpr.Operator, BinaryExpr.Operator> BOUNDARY = Map.of(
            BinaryExpr.Operator.LESS, BinaryExpr.Operator.LESS_EQUALS,
            BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.LESS,
            BinaryExpr.Operator.GREATER, BinaryExpr.Operator.GREATER_EQUALS,
            BinaryExpr.Operator.GREATER_EQUALS, BinaryExpr.Operator.GREATER);

    private static final Map<BinaryExpr.Operator, BinaryExpr.Operator> NEGATED = Map.of(
            BinaryExpr.Operator.EQUALS, BinaryExpr.Operator.NOT_EQUALS,
            BinaryExpr.Operator.NOT_EQUALS, BinaryExpr.Operator.EQUALS,
            BinaryExpr.Operator.LESS, BinaryExpr.Operator.GREATER_EQUALS,
            BinaryExpr.Operator.LESS_EQUALS, BinaryExpr.Operator.GREATER,
            BinaryExpr.Operator.GREATER, BinaryExpr.Operator.LESS_EQUALS,
            BinaryExpr.Operator.GREATER_EQUALS, BinaryExpr.Operator.LESS);

    /** PIT's MATH: each arithmetic or bitwise operator and what replaces it. */
    private static final Map<String, String> MATH = Map.ofEntries(
            Map.entry("+", "-"), Map.entry("-", "+"), Map.entry("*", "/"), Map.entry("/", "*"),
            Map.entry("%", "*"), Map.entry("&", "|"), Map.entry("|", "&"), Map.entry("^", "&"),
            Map.entry("<<", ">>"), Map.entry(">>", "<<"), Map.entry(">>>", "<<"));

    private static final List<String> NUMBERS = List.of("int", "long", "short", "byte", "char",
            "float", "double");
    private static final Map<String, String> EMPTY = Map.ofEntries(
            Map.entry("String", "\"\""), Map.entry("Optional", "Optional.empty()"),
            Map.entry("List", "java.util.Collections.emptyList()"),
            Map.entry("Collection", "java.util.Collections.emptyList()"),
            Map.entry("Set", "java.util.Collections.emptySet()"),
            Map.entry("Map", "java.util.Collections.emptyMap()"),
            Map.entry("Stream", "java.util.stream.Stream.empty()"),
            Map.entry("Integer", "0"), Map.entry("Long", "0L"), Map.entry("Short", "(short) 0"),
            Map.entry("Character", "'\\0'"), Map.entry("Float", "0f"), Map.entry("Double", "0d"));

    private PitMutators() {
    }

    /**
     * Every mutation of PIT's default group in a file's student members.
     *
     * @param context the file
     * @return the mutations, by operator and then in the file's order
     */
    static List<Candidate> all(Context context) {
        List<Candidate> found = new ArrayList<>();
        found.addAll(comparisons(context, Operator.CONDITIONALS_BOUNDARY, BOUNDARY));
        found.addAll(comparisons(context, Operator.NEGATE_CONDITIONALS, NEGATED));
        found.addAll(negatedConditions(context));
        found.addAll(increments(context, true));
        found.addAll(invertNegs(context));
        found.addAll(math(context));
        found.addAll(increments(context, false));
        found.addAll(voidCalls(context));
        found.addAll(returns(context));
        return found;
    }

    private static List<Candidate> comparisons(Context context, Operator operator,
            Map<BinaryExpr.Operator, BinaryExpr.Operator> table) {
        List<Candidate> found = new ArrayList<>();
        for (BinaryExpr binary : context.all(BinaryExpr.class)) {
            BinaryExpr.Operator to = table.get(binary.getOperator());
            if (to != null && !bothLiterals(binary)) {
                replaceOperator(context, operator, binary, to.asString()).ifPresent(found::add);
            }
        }
        return found;
    }

    /** NEGATE_CONDITIONALS on a boolean that decides a branch without a comparison. */
    private static List<Candidate> negatedConditions(Context context) {
        List<Candidate> found = new ArrayList<>();
        for (Expression expression : context.all(Expression.class)) {
            if (!decidesBranch(expression) || isComparisonOrLogic(expression)
                    || expression instanceof LiteralExpr || expression instanceof EnclosedExpr) {
                continue;
            }
            Optional<Node> parent = expression.getParentNode();
            if (parent.orElse(null) instanceof UnaryExpr not
                    && not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
                found.add(Candidate.at(Operator.NEGATE_CONDITIONALS, not,
                        Candidate.code(context.source().of(not)) + " became "
                        + Candidate.code(context.source().of(expression)),
                        context.source().replace(not, context.source().of(expression))));
            } else {
                String text = context.source().of(expression);
                String negated = expression instanceof NameExpr
                        || expression instanceof MethodCallExpr
                        || expression instanceof FieldAccessExpr ? "!" + text : "!(" + text + ")";
                found.add(Candidate.at(Operator.NEGATE_CONDITIONALS, expression,
                        Candidate.code(text) + " became " + Candidate.code(negated),
                        context.source().replace(expression, negated)));
            }
        }
        return found;
    }

    /** Whether a boolean decides a branch: a condition, or a part of one joined by logic. */
    private static boolean decidesBranch(Expression expression) {
        Node parent = expression.getParentNode().orElse(null);
        if (parent instanceof EnclosedExpr || parent instanceof UnaryExpr unary
                && unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
            return decidesBranch((Expression) parent);
        }
        if (parent instanceof BinaryExpr logic && (logic.getOperator() == BinaryExpr.Operator.AND
                || logic.getOperator() == BinaryExpr.Operator.OR)) {
            return true;
        }
        return parent instanceof IfStmt s && s.getCondition() == expression
                || parent instanceof WhileStmt w && w.getCondition() == expression
                || parent instanceof DoStmt d && d.getCondition() == expression
                || parent instanceof ForStmt f && f.getCompare().orElse(null) == expression
                || parent instanceof ConditionalExpr c && c.getCondition() == expression;
    }

    private static boolean isComparisonOrLogic(Expression expression) {
        return expression instanceof BinaryExpr || expression instanceof UnaryExpr unary
                && unary.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT;
    }

    /**
     * INCREMENTS on a local variable's {@code ++}, {@code --}, {@code +=} or {@code -=} by a
     * constant, or (with {@code locals} false) MATH on any other's.
     */
    private static List<Candidate> increments(Context context, boolean locals) {
        List<Candidate> found = new ArrayList<>();
        for (UnaryExpr unary : context.all(UnaryExpr.class)) {
            String token = switch (unary.getOperator()) {
                case PREFIX_INCREMENT, POSTFIX_INCREMENT -> "++";
                case PREFIX_DECREMENT, POSTFIX_DECREMENT -> "--";
                default -> null;
            };
            if (token != null && isLocal(unary.getExpression()) == locals) {
                String to = token.equals("++") ? "--" : "++";
                found.add(replaceToken(context, locals ? Operator.INCREMENTS : Operator.MATH,
                        unary, token, to));
            }
        }
        for (AssignExpr assign : context.all(AssignExpr.class)) {
            String token = assign.getOperator().asString();
            boolean increment = (token.equals("+=") || token.equals("-="))
                    && isLocal(assign.getTarget()) && assign.getValue().isIntegerLiteralExpr();
            if (increment && locals) {
                found.add(replaceToken(context, Operator.INCREMENTS, assign, token,
                        token.equals("+=") ? "-=" : "+="));
            } else if (!increment && !locals && token.length() > 1) {
                String math = MATH.get(token.substring(0, token.length() - 1));
                if (math != null) {
                    found.add(replaceToken(context, Operator.MATH, assign, token, math + "="));
                }
            }
        }
        return found;
    }

    /** Whether an expression names a local variable or parameter of the enclosing code. */
    private static boolean isLocal(Expression expression) {
        if (!(expression instanceof NameExpr name)) {
            return false;
        }
        Node scope = expression.findAncestor(CallableDeclaration.class).map(c -> (Node) c)
                .orElse(null);
        if (scope == null) {
            return false;
        }
        String id = name.getNameAsString();
        return scope.findAll(VariableDeclarator.class).stream()
                .anyMatch(v -> v.getNameAsString().equals(id)
                        && v.getParentNode().filter(p -> !(p instanceof FieldDeclaration))
                                .isPresent())
                || scope.findAll(Parameter.class).stream()
                        .anyMatch(p -> p.getNameAsString().equals(id));
    }

    private static List<Candidate> invertNegs(Context context) {
        List<Candidate> found = new ArrayList<>();
        for (UnaryExpr unary : context.all(UnaryExpr.class)) {
            if (unary.getOperator() == UnaryExpr.Operator.MINUS
                    && !(unary.getExpression() instanceof LiteralExpr)) {
                String operand = context.source().of(unary.getExpression());
                found.add(Candidate.at(Operator.INVERT_NEGS, unary,
                        Candidate.code(context.source().of(unary)) + " became "
                        + Candidate.code(operand), context.source().replace(unary, operand)));
            }
        }
        return found;
    }

    private static List<Candidate> math(Context context) {
        List<Candidate> found = new ArrayList<>();
        for (BinaryExpr binary : context.all(BinaryExpr.class)) {
            String to = MATH.get(binary.getOperator().asString());
            if (to != null && !bothLiterals(binary) && !isStringConcatenation(binary)) {
                replaceOperator(context, Operator.MATH, binary, to).ifPresent(found::add);
            }
        }
        return found;
    }

    /** Whether a {@code +} joins strings: a string literal is among the terms it adds. */
    private static boolean isStringConcatenation(BinaryExpr binary) {
        if (binary.getOperator() != BinaryExpr.Operator.PLUS) {
            return false;
        }
        BinaryExpr top = binary;
        while (top.getParentNode().orElse(null) instanceof BinaryExpr parent
                && parent.getOperator() == BinaryExpr.Operator.PLUS) {
            top = parent;
        }
        return hasStringTerm(top);
    }

    private static boolean hasStringTerm(Expression expression) {
        if (expression instanceof BinaryExpr plus
                && plus.getOperator() == BinaryExpr.Operator.PLUS) {
            return hasStringTerm(plus.getLeft()) || hasStringTerm(plus.getRight());
        }
        return expression instanceof StringLiteralExpr
                || expression instanceof TextBlockLiteralExpr;
    }

    private static List<Candidate> voidCalls(Context context) {
        List<Candidate> found = new ArrayList<>();
        for (ExpressionStmt statement : context.all(ExpressionStmt.class)) {
            if (statement.getExpression() instanceof MethodCallExpr call && context.isVoid(call)) {
                SourceText.Edit edit = statement.getParentNode().orElse(null) instanceof LambdaExpr
                        ? context.source().replace(statement, "{ }")
                        : context.source().removeLines(statement);
                found.add(Candidate.at(Operator.VOID_METHOD_CALLS, statement, "removed "
                        + Candidate.code(context.source().of(call)), edit));
            }
        }
        return found;
    }

    /** The return mutators, by the declared return type of the method that returns. */
    private static List<Candidate> returns(Context context) {
        List<Candidate> found = new ArrayList<>();
        for (ReturnStmt statement : context.all(ReturnStmt.class)) {
            Optional<Expression> value = statement.getExpression();
            Node owner = statement.getParentNode().orElse(null);
            while (owner != null && !(owner instanceof LambdaExpr)
                    && !(owner instanceof CallableDeclaration)) {
                owner = owner.getParentNode().orElse(null);
            }
            if (value.isEmpty() || !(owner instanceof MethodDeclaration method)) {
                continue;
            }
            String type = method.getType().asString().replaceAll("<.*>", "");
            Expression returned = value.get();
            if (type.equals("boolean") || type.equals("Boolean")) {
                returnOf(context, found, Operator.FALSE_RETURNS, returned, "false");
                returnOf(context, found, Operator.TRUE_RETURNS, returned, "true");
            } else if (NUMBERS.contains(type)) {
                returnOf(context, found, Operator.PRIMITIVE_RETURNS, returned, "0");
            } else if (EMPTY.containsKey(type)) {
                returnOf(context, found, Operator.EMPTY_RETURNS, returned, EMPTY.get(type));
            } else {
                returnOf(context, found, Operator.NULL_RETURNS, returned, "null");
            }
        }
        return found;
    }

    private static void returnOf(Context context, List<Candidate> found, Operator operator,
            Expression returned, String replacement) {
        String text = context.source().of(returned);
        boolean already = text.equals(replacement) || returned instanceof NullLiteralExpr
                && replacement.equals("null") || returned instanceof BooleanLiteralExpr b
                && String.valueOf(b.getValue()).equals(replacement);
        if (!already) {
            found.add(Candidate.at(operator, returned, "returned " + Candidate.code(replacement)
                    + " instead of " + Candidate.code(text),
                    context.source().replace(returned, replacement)));
        }
    }

    private static boolean bothLiterals(BinaryExpr binary) {
        return binary.getLeft() instanceof LiteralExpr && binary.getRight() instanceof LiteralExpr;
    }

    /** An operator replaced: none where the operator is not one token, as {@code >>} is not. */
    private static Optional<Candidate> replaceOperator(Context context, Operator operator,
            BinaryExpr binary, String to) {
        String before = context.source().of(binary);
        String after = context.source().of(binary.getLeft()) + " " + to + " "
                + context.source().of(binary.getRight());
        return tokenAfter(binary.getLeft(), binary.getOperator().asString()).map(token ->
                Candidate.at(operator, binary, Candidate.code(before) + " became "
                        + Candidate.code(after), context.source().replace(
                                token.getRange().orElseThrow(), to)));
    }

    private static Candidate replaceToken(Context context, Operator operator, Node node,
            String token, String to) {
        JavaToken found = node.getTokenRange().orElseThrow().getBegin();
        for (JavaToken t : node.getTokenRange().orElseThrow()) {
            if (t.getText().equals(token)) {
                found = t;
                break;
            }
        }
        String before = context.source().of(node);
        return Candidate.at(operator, node, Candidate.code(before) + " became "
                + Candidate.code(before.replace(token, to)),
                context.source().replace(found.getRange().orElseThrow(), to));
    }

    /** The next token after a node's last one, if it has a text: the operator after a term. */
    private static Optional<JavaToken> tokenAfter(Node node, String text) {
        Optional<JavaToken> token = node.getTokenRange().orElseThrow().getEnd().getNextToken();
        while (token.isPresent() && token.get().getCategory().isWhitespaceOrComment()) {
            token = token.get().getNextToken();
        }
        return token.filter(t -> t.getText().equals(text));
    }
}
