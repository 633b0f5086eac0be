package threadlab.grader.mutants;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The concurrency operators of Bradbury, Cordy and Dingel, "Mutation Operators for Concurrent
 * Java (J2SE 5.0)" (2006), that the course's code can show: on {@code synchronized} and
 * {@code volatile}, on the JDK's locks, conditions and atomics, and on the GIL's own methods.
 */
final class ConcurrencyMutators {

    private static final Set<String> LOCKS = Set.of("lock", "lockInterruptibly", "acquire");
    private static final Set<String> UNLOCKS = Set.of("unlock", "release", "unlockRead",
            "unlockWrite");
    private static final Set<String> WAITS = Set.of("wait", "await", "awaitNanos", "awaitUntil",
            "awaitUninterruptibly", "park", "parkNanos", "parkUntil");
    private static final Set<String> COURSE_CALLS = Set.of("dropIfRequested", "acquire",
            "release", "whileReleased");
    private static final Map<String, String> ONE_WAITER = Map.of("notifyAll", "notify",
            "signalAll", "signal");
    private static final Map<String, String> RMW = Map.of("incrementAndGet", "+ 1",
            "getAndIncrement", "+ 1", "decrementAndGet", "- 1", "getAndDecrement", "- 1");
    /** Timed calls whose time is their first argument, and the unit it is in. */
    private static final Map<String, String> TIMED = Map.of("awaitNanos", "nanos",
            "join", "millis", "sleep", "millis", "wait", "millis", "await", "unit",
            "tryLock", "unit", "poll", "unit");
    private static final Map<String, String> DURATION_UNITS = Map.of("ofSeconds", "ofMillis",
            "ofMillis", "ofNanos", "ofNanos", "ofMillis", "toNanos", "toMillis", "toMillis",
            "toNanos");
    private static final Map<String, String> TIME_UNITS = Map.of("NANOSECONDS", "MILLISECONDS",
            "MICROSECONDS", "MILLISECONDS", "MILLISECONDS", "NANOSECONDS", "SECONDS",
            "MILLISECONDS");

    private ConcurrencyMutators() {
    }

    /**
     * Every concurrency mutation in a file's student members.
     *
     * @param context the file
     * @return the mutations, by operator and then in the file's order
     */
    static List<Candidate> all(Context context) {
        List<Candidate> found = new ArrayList<>();
        found.addAll(removeSynchronized(context));
        found.addAll(removeVolatile(context));
        found.addAll(notifyOne(context));
        found.addAll(dropFinallyUnlock(context));
        found.addAll(waitWhileToIf(context));
        found.addAll(splitAtomic(context));
        List<Region> regions = regions(context);
        regions.forEach(r -> found.addAll(shrink(context, r)));
        regions.forEach(r -> found.addAll(swapAcross(context, r)));
        found.addAll(timeouts(context));
        found.addAll(removeCourseCalls(context));
        return found;
    }

    private static List<Candidate> removeSynchronized(Context context) {
        List<Candidate> found = new ArrayList<>();
        for (MethodDeclaration method : context.all(MethodDeclaration.class)) {
            modifier(method.getModifiers(), Modifier.Keyword.SYNCHRONIZED).ifPresent(m ->
                    found.add(Candidate.at(Operator.REMOVE_SYNCHRONIZED, m, "removed"
                            + " synchronized from " + method.getNameAsString() + "()",
                            removeModifier(context, m))));
        }
        for (SynchronizedStmt block : context.all(SynchronizedStmt.class)) {
            SourceText text = context.source();
            int begin = text.offset(block.getBegin().orElseThrow());
            int body = text.offset(block.getBody().getBegin().orElseThrow());
            found.add(Candidate.at(Operator.REMOVE_SYNCHRONIZED, block, "removed "
                    + Candidate.code(text.text().substring(begin, body)) + " around its block",
                    new SourceText.Edit(begin, body, "")));
        }
        return found;
    }

    private static List<Candidate> removeVolatile(Context context) {
        List<Candidate> found = new ArrayList<>();
        for (FieldDeclaration field : context.all(FieldDeclaration.class)) {
            modifier(field.getModifiers(), Modifier.Keyword.VOLATILE).ifPresent(m ->
                    found.add(Candidate.at(Operator.REMOVE_VOLATILE, m, "removed volatile from "
                            + field.getVariable(0).getNameAsString(),
                            removeModifier(context, m))));
        }
        return found;
    }

    private static Optional<Modifier> modifier(NodeList<Modifier> modifiers,
            Modifier.Keyword keyword) {
        return modifiers.stream().filter(m -> m.getKeyword() == keyword).findFirst();
    }

    private static SourceText.Edit removeModifier(Context context, Modifier modifier) {
        SourceText.Edit word = context.source().replace(modifier, "");
        String text = context.source().text();
        int end = word.end();
        while (end < text.length() && text.charAt(end) == ' ') {
            end++;
        }
        return new SourceText.Edit(word.begin(), end, "");
    }

    private static List<Candidate> notifyOne(Context context) {
        List<Candidate> found = new ArrayList<>();
        for (MethodCallExpr call : context.all(MethodCallExpr.class)) {
            String to = ONE_WAITER.get(call.getNameAsString());
            if (to != null && call.getArguments().isEmpty()) {
                found.add(Candidate.at(Operator.NOTIFY_ONE, call, call.getNameAsString()
                        + "() became " + to + "()", context.source().replace(call.getName(), to)));
            }
        }
        return found;
    }

    private static List<Candidate> dropFinallyUnlock(Context context) {
        List<Candidate> found = new ArrayList<>();
        for (TryStmt attempt : context.all(TryStmt.class)) {
            for (Statement statement : attempt.getFinallyBlock().map(BlockStmt::getStatements)
                    .orElse(new NodeList<>())) {
                if (isCall(statement, UNLOCKS)) {
                    found.add(Candidate.at(Operator.DROP_FINALLY_UNLOCK, statement, "removed "
                            + Candidate.code(context.source().of(statement)) + " from a finally",
                            context.source().removeLines(statement)));
                }
            }
        }
        return found;
    }

    private static List<Candidate> waitWhileToIf(Context context) {
        List<Candidate> found = new ArrayList<>();
        for (WhileStmt loop : context.all(WhileStmt.class)) {
            boolean waits = loop.getBody().findAll(MethodCallExpr.class).stream()
                    .anyMatch(c -> WAITS.contains(c.getNameAsString())
                            && c.findAncestor(LambdaExpr.class)
                                    .filter(l -> l.isDescendantOf(loop)).isEmpty());
            if (waits) {
                var keyword = loop.getTokenRange().orElseThrow().getBegin();
                found.add(Candidate.at(Operator.WAIT_WHILE_TO_IF, loop, "waited under "
                        + Candidate.code("if (" + context.source().of(loop.getCondition()) + ")")
                        + " instead of while", context.source().replace(
                                keyword.getRange().orElseThrow(), "if")));
            }
        }
        return found;
    }

    /**
     * A compare-and-set that decides an {@code if} becomes a read, a compare and a write; an
     * increment or decrement that stands alone becomes a read and a write.
     */
    private static List<Candidate> splitAtomic(Context context) {
        List<Candidate> found = new ArrayList<>();
        SourceText text = context.source();
        for (IfStmt branch : context.all(IfStmt.class)) {
            Expression condition = branch.getCondition();
            boolean negated = condition instanceof UnaryExpr not
                    && not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT;
            Expression tested = negated ? ((UnaryExpr) condition).getExpression() : condition;
            if (!(tested instanceof MethodCallExpr cas) || !cas.getNameAsString()
                    .equals("compareAndSet") || cas.getArguments().size() != 2
                    || cas.getScope().isEmpty()) {
                continue;
            }
            String scope = text.of(cas.getScope().get());
            String read = scope + ".get() " + (negated ? "!=" : "==") + " "
                    + text.of(cas.getArgument(0));
            String write = scope + ".set(" + text.of(cas.getArgument(1)) + ");";
            Optional<SourceText.Edit> writing = writeWhenSucceeded(text, branch, negated, write);
            writing.ifPresent(w -> found.add(Candidate.at(Operator.SPLIT_ATOMIC, branch,
                    Candidate.code(text.of(condition)) + " became " + Candidate.code(read)
                    + " and " + Candidate.code(write), text.replace(condition, read), w)));
        }
        for (ExpressionStmt statement : context.all(ExpressionStmt.class)) {
            if (statement.getExpression() instanceof MethodCallExpr call
                    && RMW.containsKey(call.getNameAsString()) && call.getScope().isPresent()) {
                String scope = text.of(call.getScope().get());
                String split = scope + ".set(" + scope + ".get() " + RMW.get(call.getNameAsString())
                        + ")";
                found.add(Candidate.at(Operator.SPLIT_ATOMIC, statement, Candidate.code(
                        text.of(call)) + " became " + Candidate.code(split),
                        text.replace(call, split)));
            }
        }
        return found;
    }

    /** Where the write goes: first in the branch taken when the compare-and-set succeeded. */
    private static Optional<SourceText.Edit> writeWhenSucceeded(SourceText text, IfStmt branch,
            boolean negated, String write) {
        Optional<Statement> succeeded = negated ? branch.getElseStmt()
                : Optional.of(branch.getThenStmt());
        if (succeeded.isEmpty()) {
            return Optional.of(SourceText.Edit.insert(text.afterLine(branch),
                    text.indentOf(branch) + write + "\n"));
        }
        if (succeeded.get() instanceof BlockStmt block && !block.getStatements().isEmpty()) {
            Statement first = block.getStatement(0);
            return Optional.of(SourceText.Edit.insert(text.lineStart(first),
                    text.indentOf(first) + write + "\n"));
        }
        return Optional.empty();
    }

    /**
     * A locked region: a lock call followed by a try whose finally unlocks, or a synchronized
     * block.
     *
     * @param lock the lock call's statement, or the synchronized block
     * @param region the try or the synchronized block
     * @param body the statements the lock guards
     * @param around the statements of the block that holds the region
     */
    private record Region(Statement lock, Statement region, NodeList<Statement> body,
            NodeList<Statement> around) {
    }

    private static List<Region> regions(Context context) {
        List<Region> found = new ArrayList<>();
        for (BlockStmt block : context.all(BlockStmt.class)) {
            NodeList<Statement> statements = block.getStatements();
            for (int i = 0; i < statements.size(); i++) {
                Statement statement = statements.get(i);
                if (statement instanceof SynchronizedStmt sync) {
                    found.add(new Region(sync, sync, sync.getBody().getStatements(), statements));
                } else if (isCall(statement, LOCKS) && i + 1 < statements.size()
                        && statements.get(i + 1) instanceof TryStmt attempt
                        && attempt.getFinallyBlock().map(f -> f.getStatements().stream()
                                .anyMatch(s -> isCall(s, UNLOCKS))).orElse(false)) {
                    found.add(new Region(statement, attempt, attempt.getTryBlock()
                            .getStatements(), statements));
                }
            }
        }
        return found;
    }

    /** The first statement of a region moved before its lock, or the last after its end. */
    private static List<Candidate> shrink(Context context, Region region) {
        List<Candidate> found = new ArrayList<>();
        SourceText text = context.source();
        NodeList<Statement> body = region.body();
        if (body.isEmpty()) {
            return found;
        }
        Statement first = body.get(0);
        if (!isJump(first)) {
            found.add(Candidate.at(Operator.SHRINK_CRITICAL_SECTION, first, "moved "
                    + Candidate.code(text.of(first)) + " before the lock",
                    text.removeLines(first), SourceText.Edit.insert(
                            text.lineStart(region.lock()), text.linesOf(first,
                                    text.indentOf(region.lock())))));
        }
        Statement last = body.get(body.size() - 1);
        if (body.size() > 1 || isJump(first)) {
            found.add(Candidate.at(Operator.SHRINK_CRITICAL_SECTION, last, "moved "
                    + Candidate.code(text.of(last)) + " after the unlock",
                    text.removeLines(last), SourceText.Edit.insert(
                            text.afterLine(region.region()), text.linesOf(last,
                                    text.indentOf(region.region())))));
        }
        return found;
    }

    /** The statement before a lock moved after it, or the one after the region into its end. */
    private static List<Candidate> swapAcross(Context context, Region region) {
        List<Candidate> found = new ArrayList<>();
        SourceText text = context.source();
        NodeList<Statement> around = region.around();
        int lockAt = indexOf(around, region.lock());
        int regionAt = indexOf(around, region.region());
        NodeList<Statement> body = region.body();
        if (lockAt > 0 && !body.isEmpty()) {
            Statement before = around.get(lockAt - 1);
            SourceText.Edit into = region.lock() == region.region()
                    ? SourceText.Edit.insert(text.lineStart(body.get(0)),
                            text.linesOf(before, text.indentOf(body.get(0))))
                    : SourceText.Edit.insert(text.afterLine(region.lock()),
                            text.linesOf(before, text.indentOf(region.lock())));
            found.add(Candidate.at(Operator.SWAP_ACROSS_LOCK, before, "moved "
                    + Candidate.code(text.of(before)) + " after the lock",
                    text.removeLines(before), into));
        }
        if (regionAt + 1 < around.size() && !body.isEmpty()) {
            Statement after = around.get(regionAt + 1);
            Statement last = body.get(body.size() - 1);
            found.add(Candidate.at(Operator.SWAP_ACROSS_LOCK, after, "moved "
                    + Candidate.code(text.of(after)) + " before the unlock",
                    text.removeLines(after), SourceText.Edit.insert(text.afterLine(last),
                            text.linesOf(after, text.indentOf(last)))));
        }
        return found;
    }

    /** A timed call's time halved, made 0, or read in another unit; a Duration's unit. */
    private static List<Candidate> timeouts(Context context) {
        List<Candidate> found = new ArrayList<>();
        SourceText text = context.source();
        for (MethodCallExpr call : context.all(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            String unitTo = DURATION_UNITS.get(name);
            if (unitTo != null && (name.startsWith("to") && call.getArguments().isEmpty()
                    || name.startsWith("of") && call.getArguments().size() == 1)) {
                found.add(Candidate.at(Operator.TIMEOUT, call, name + " became " + unitTo,
                        text.replace(call.getName(), unitTo)));
                if (name.startsWith("of")) {
                    found.addAll(halfAndZero(context, call, call.getArgument(0)));
                }
            }
            String unit = TIMED.get(name);
            if (unit == null || call.getArguments().isEmpty() || unit.equals("unit")
                    && call.getArguments().size() != 2 || isDuration(call.getArgument(0))) {
                continue;
            }
            Expression time = call.getArgument(0);
            found.addAll(halfAndZero(context, call, time));
            if (unit.equals("unit")) {
                Expression given = call.getArgument(1);
                String last = given.toString().replaceAll(".*\\.", "");
                String other = TIME_UNITS.get(last);
                if (other != null) {
                    String changed = text.of(given).replace(last, other);
                    found.add(Candidate.at(Operator.TIMEOUT, given, Candidate.code(text.of(given))
                            + " became " + Candidate.code(changed), text.replace(given, changed)));
                }
            } else {
                String changed = grouped(text, time) + (unit.equals("nanos") ? " / 1_000_000"
                        : " * 1_000_000");
                found.add(Candidate.at(Operator.TIMEOUT, time, "the " + unit + " of "
                        + name + "() read in " + (unit.equals("nanos") ? "millis" : "nanos")
                        + ": " + Candidate.code(changed), text.replace(time, changed)));
            }
        }
        return found;
    }

    /** Whether a time is a Duration made in place, whose own unit and value are mutated. */
    private static boolean isDuration(Expression time) {
        return time instanceof MethodCallExpr made && made.getNameAsString().startsWith("of")
                && DURATION_UNITS.containsKey(made.getNameAsString());
    }

    private static List<Candidate> halfAndZero(Context context, MethodCallExpr call,
            Expression time) {
        SourceText text = context.source();
        if (time.isIntegerLiteralExpr() && text.of(time).equals("0")) {
            return List.of();
        }
        String half = grouped(text, time) + " / 2";
        return List.of(
                Candidate.at(Operator.TIMEOUT, time, "halved the time of "
                        + call.getNameAsString() + "(): " + Candidate.code(half),
                        text.replace(time, half)),
                Candidate.at(Operator.TIMEOUT, time, "made the time of "
                        + call.getNameAsString() + "() 0", text.replace(time, "0")));
    }

    private static String grouped(SourceText text, Expression expression) {
        return expression.isNameExpr() || expression.isMethodCallExpr()
                || expression.isLiteralExpr() || expression.isFieldAccessExpr()
                ? text.of(expression) : "(" + text.of(expression) + ")";
    }

    private static List<Candidate> removeCourseCalls(Context context) {
        List<Candidate> found = new ArrayList<>();
        for (ExpressionStmt statement : context.all(ExpressionStmt.class)) {
            if (isCall(statement, COURSE_CALLS)) {
                found.add(Candidate.at(Operator.REMOVE_COURSE_CALL, statement, "removed "
                        + Candidate.code(context.source().of(statement)),
                        context.source().removeLines(statement)));
            }
        }
        return found;
    }

    /** Where a statement stands in its block: by identity, as nodes are equal by content. */
    private static int indexOf(NodeList<Statement> statements, Statement statement) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) == statement) {
                return i;
            }
        }
        throw new IllegalStateException("not in its block: " + statement);
    }

    private static boolean isCall(Node statement, Set<String> names) {
        return statement instanceof ExpressionStmt expression
                && expression.getExpression() instanceof MethodCallExpr call
                && names.contains(call.getNameAsString());
    }

    private static boolean isJump(Statement statement) {
        return statement instanceof ReturnStmt || statement instanceof ThrowStmt
                || statement instanceof BreakStmt || statement instanceof ContinueStmt;
    }
}
