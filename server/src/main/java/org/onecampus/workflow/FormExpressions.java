package org.onecampus.workflow;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small, safe expression language of forms ({@code visibleWhen}, {@code requiredWhen},
 * {@code compute}) and of process conditions. Literals (decimal numbers, quoted strings,
 * {@code true}, {@code false}, {@code null}), identifiers with dotted members ({@code days},
 * {@code row.amount}, {@code applicant.unit}, {@code items.amount} projects a table column), the
 * operators {@code ! -} (unary), {@code * / %}, {@code + -}, {@code < <= > >=}, {@code == !=},
 * {@code &&}, {@code ||}, {@code ?:} in that precedence, and the functions {@code sum count min max
 * abs round len empty contains days daysBetween today}. No assignment, no loops, no access to
 * anything but the variables passed in.
 * <p>
 * Numbers are {@link BigDecimal}; arithmetic treats null as 0; division by zero is null; every
 * comparison with null is false except {@code == null} and {@code != null}; {@code +} concatenates
 * when either side is a string. A syntax error throws {@link SyntaxException} with the position;
 * a type error at run time yields null. Thread-safe; parsed expressions are cached.
 */
public final class FormExpressions {

	/** The functions and how many arguments each takes (min, max; -1 = any). */
	private static final Map<String, int[]> FUNCTIONS = Map.ofEntries(Map.entry("sum", new int[] { 1, -1 }),
			Map.entry("count", new int[] { 1, 1 }), Map.entry("min", new int[] { 1, -1 }),
			Map.entry("max", new int[] { 1, -1 }), Map.entry("abs", new int[] { 1, 1 }),
			Map.entry("round", new int[] { 1, 2 }), Map.entry("len", new int[] { 1, 1 }),
			Map.entry("empty", new int[] { 1, 1 }), Map.entry("contains", new int[] { 2, 2 }),
			Map.entry("days", new int[] { 1, 1 }), Map.entry("daysBetween", new int[] { 2, 2 }),
			Map.entry("today", new int[] { 0, 0 }));

	private static final ZoneId CAMPUS_ZONE = ZoneId.of("Asia/Shanghai");

	private static final int CACHE_LIMIT = 4096;

	private static final Map<String, Expression> CACHE = new ConcurrentHashMap<>();

	private FormExpressions() {
	}

	/**
	 * @param source the expression text; not null
	 * @return the parsed expression, reusable and thread-safe
	 * @throws SyntaxException when the text is not a valid expression (position = 0-based offset)
	 */
	public static Expression parse(String source) {
		Objects.requireNonNull(source, "source");
		Expression cached = CACHE.get(source);
		if (cached != null) {
			return cached;
		}
		Expression parsed = new Expression(source, new Parser(source).parseAll());
		if (CACHE.size() >= CACHE_LIMIT) {
			CACHE.clear();
		}
		CACHE.put(source, parsed);
		return parsed;
	}

	/**
	 * Parses and evaluates in one step.
	 * @param variables field values and other variables ({@code row}, {@code applicant}); null means none
	 * @return a {@link BigDecimal}, String, Boolean, List, Map or null
	 * @throws SyntaxException when the text is not a valid expression
	 */
	public static Object evaluate(String source, Map<String, ?> variables) {
		return parse(source).evaluate(variables);
	}

	/** Whether a value counts as true in {@code ! && || ?:} and in visibleWhen/requiredWhen. */
	public static boolean truthy(Object value) {
		if (value == null) {
			return false;
		}
		if (value instanceof Boolean b) {
			return b;
		}
		if (value instanceof BigDecimal d) {
			return d.signum() != 0;
		}
		if (value instanceof Number n) {
			return n.doubleValue() != 0;
		}
		if (value instanceof String s) {
			return !s.isEmpty();
		}
		if (value instanceof Collection<?> c) {
			return !c.isEmpty();
		}
		return true;
	}

	/** A parse failure at a position of the source text. */
	public static final class SyntaxException extends RuntimeException {

		private final int position;

		public SyntaxException(String message, int position) {
			super(message + " at position " + position);
			this.position = position;
		}

		/** @return the 0-based character offset where the error was found */
		public int position() {
			return position;
		}
	}

	/** A parsed expression. */
	public static final class Expression {

		private final String source;

		private final Node root;

		private Expression(String source, Node root) {
			this.source = source;
			this.root = root;
		}

		public String source() {
			return source;
		}

		/** @return the variables the expression reads, as dotted paths ({@code row.amount}) in order of appearance */
		public Set<String> references() {
			Set<String> names = new LinkedHashSet<>();
			collect(root, names);
			return names;
		}

		/** @see FormExpressions#evaluate(String, Map) */
		public Object evaluate(Map<String, ?> variables) {
			return new Evaluator(variables == null ? Map.of() : variables).eval(root);
		}

		private static void collect(Node node, Set<String> names) {
			if (node instanceof Variable v) {
				names.add(String.join(".", v.path()));
			}
			else if (node instanceof Unary u) {
				collect(u.operand(), names);
			}
			else if (node instanceof Binary b) {
				collect(b.left(), names);
				collect(b.right(), names);
			}
			else if (node instanceof Conditional c) {
				collect(c.test(), names);
				collect(c.then(), names);
				collect(c.otherwise(), names);
			}
			else if (node instanceof Call c) {
				c.args().forEach(a -> collect(a, names));
			}
		}
	}

	// ---- syntax tree ----

	private sealed interface Node permits Literal, Variable, Unary, Binary, Conditional, Call {
	}

	private record Literal(Object value) implements Node {
	}

	private record Variable(List<String> path) implements Node {
	}

	private record Unary(String op, Node operand) implements Node {
	}

	private record Binary(String op, Node left, Node right) implements Node {
	}

	private record Conditional(Node test, Node then, Node otherwise) implements Node {
	}

	private record Call(String name, List<Node> args) implements Node {
	}

	// ---- parser: recursive descent, one method per precedence level ----

	private static final class Parser {

		private final String text;

		private int pos;

		Parser(String text) {
			this.text = text;
		}

		Node parseAll() {
			skipSpace();
			if (pos >= text.length()) {
				throw new SyntaxException("empty expression", pos);
			}
			Node node = conditional();
			skipSpace();
			if (pos < text.length()) {
				throw new SyntaxException("unexpected '" + text.charAt(pos) + "'", pos);
			}
			return node;
		}

		private Node conditional() {
			Node test = or();
			if (take("?")) {
				Node then = conditional();
				expect(":");
				Node otherwise = conditional();
				return new Conditional(test, then, otherwise);
			}
			return test;
		}

		private Node or() {
			Node left = and();
			while (take("||")) {
				left = new Binary("||", left, and());
			}
			return left;
		}

		private Node and() {
			Node left = equality();
			while (take("&&")) {
				left = new Binary("&&", left, equality());
			}
			return left;
		}

		private Node equality() {
			Node left = comparison();
			while (true) {
				if (take("==")) {
					left = new Binary("==", left, comparison());
				}
				else if (take("!=")) {
					left = new Binary("!=", left, comparison());
				}
				else {
					return left;
				}
			}
		}

		private Node comparison() {
			Node left = additive();
			while (true) {
				String op = take("<=") ? "<=" : take(">=") ? ">=" : take("<") ? "<" : take(">") ? ">" : null;
				if (op == null) {
					return left;
				}
				left = new Binary(op, left, additive());
			}
		}

		private Node additive() {
			Node left = multiplicative();
			while (true) {
				String op = take("+") ? "+" : take("-") ? "-" : null;
				if (op == null) {
					return left;
				}
				left = new Binary(op, left, multiplicative());
			}
		}

		private Node multiplicative() {
			Node left = unary();
			while (true) {
				String op = take("*") ? "*" : take("/") ? "/" : take("%") ? "%" : null;
				if (op == null) {
					return left;
				}
				left = new Binary(op, left, unary());
			}
		}

		private Node unary() {
			skipSpace();
			if (peek('!') && !peekAt(1, '=')) {
				pos++;
				return new Unary("!", unary());
			}
			if (take("-")) {
				return new Unary("-", unary());
			}
			return primary();
		}

		private Node primary() {
			skipSpace();
			if (pos >= text.length()) {
				throw new SyntaxException("unexpected end of expression", pos);
			}
			char c = text.charAt(pos);
			if (c == '(') {
				pos++;
				Node inner = conditional();
				expect(")");
				return inner;
			}
			if (c == '\'' || c == '"') {
				return new Literal(string(c));
			}
			if (Character.isDigit(c)) {
				return new Literal(number());
			}
			if (Character.isLetter(c) || c == '_') {
				int start = pos;
				String name = identifier();
				skipSpace();
				if (peek('(')) {
					return call(name, start);
				}
				switch (name) {
					case "true":
						return new Literal(Boolean.TRUE);
					case "false":
						return new Literal(Boolean.FALSE);
					case "null":
						return new Literal(null);
					default:
				}
				List<String> path = new ArrayList<>();
				path.add(name);
				while (peek('.')) {
					pos++;
					if (pos >= text.length() || !(Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
						throw new SyntaxException("expected a name after '.'", pos);
					}
					path.add(identifier());
				}
				return new Variable(List.copyOf(path));
			}
			throw new SyntaxException("unexpected '" + c + "'", pos);
		}

		private Node call(String name, int start) {
			int[] arity = FUNCTIONS.get(name);
			if (arity == null) {
				throw new SyntaxException("unknown function '" + name + "'", start);
			}
			pos++; // (
			List<Node> args = new ArrayList<>();
			skipSpace();
			if (!take(")")) {
				do {
					args.add(conditional());
				}
				while (take(","));
				expect(")");
			}
			if (args.size() < arity[0] || (arity[1] >= 0 && args.size() > arity[1])) {
				throw new SyntaxException("wrong number of arguments for '" + name + "'", start);
			}
			return new Call(name, List.copyOf(args));
		}

		private String identifier() {
			int start = pos;
			while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
				pos++;
			}
			return text.substring(start, pos);
		}

		private BigDecimal number() {
			int start = pos;
			while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
				pos++;
			}
			if (peek('.') && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))) {
				pos++;
				while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
					pos++;
				}
			}
			if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
				throw new SyntaxException("malformed number", start);
			}
			return new BigDecimal(text.substring(start, pos));
		}

		private String string(char quote) {
			int start = pos;
			pos++;
			StringBuilder out = new StringBuilder();
			while (pos < text.length()) {
				char c = text.charAt(pos++);
				if (c == quote) {
					return out.toString();
				}
				if (c == '\\') {
					if (pos >= text.length()) {
						break;
					}
					char e = text.charAt(pos++);
					out.append(switch (e) {
						case 'n' -> '\n';
						case 't' -> '\t';
						default -> e;
					});
				}
				else {
					out.append(c);
				}
			}
			throw new SyntaxException("unterminated string", start);
		}

		private void skipSpace() {
			while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
				pos++;
			}
		}

		private boolean peek(char c) {
			return pos < text.length() && text.charAt(pos) == c;
		}

		private boolean peekAt(int offset, char c) {
			return pos + offset < text.length() && text.charAt(pos + offset) == c;
		}

		private boolean take(String token) {
			skipSpace();
			if (!text.startsWith(token, pos)) {
				return false;
			}
			// a single '<', '>', '!' , '=' , '&' or '|' must not be the start of a longer operator
			if (token.length() == 1 && pos + 1 < text.length()) {
				char next = text.charAt(pos + 1);
				if ((token.equals("<") || token.equals(">")) && next == '=') {
					return false;
				}
			}
			pos += token.length();
			return true;
		}

		private void expect(String token) {
			if (!take(token)) {
				throw new SyntaxException(pos >= text.length() ? "expected '" + token + "' before the end"
						: "expected '" + token + "' but found '" + text.charAt(pos) + "'", pos);
			}
		}
	}

	// ---- evaluation ----

	private static final class Evaluator {

		private final Map<String, ?> variables;

		Evaluator(Map<String, ?> variables) {
			this.variables = variables;
		}

		Object eval(Node node) {
			if (node instanceof Literal l) {
				return l.value();
			}
			if (node instanceof Variable v) {
				return variable(v.path());
			}
			if (node instanceof Unary u) {
				return unary(u.op(), eval(u.operand()));
			}
			if (node instanceof Binary b) {
				return binary(b);
			}
			if (node instanceof Conditional c) {
				return truthy(eval(c.test())) ? eval(c.then()) : eval(c.otherwise());
			}
			return call((Call) node);
		}

		private Object variable(List<String> path) {
			if (path.size() > 1 && variables.containsKey(String.join(".", path))) {
				return normalize(variables.get(String.join(".", path)));
			}
			Object value = normalize(variables.get(path.get(0)));
			for (int i = 1; i < path.size() && value != null; i++) {
				value = member(value, path.get(i));
			}
			return value;
		}

		/** A member of an object, or the column of a table (list of rows). */
		private static Object member(Object value, String name) {
			if (value instanceof Map<?, ?> map) {
				return normalize(map.get(name));
			}
			if (value instanceof List<?> list) {
				List<Object> column = new ArrayList<>(list.size());
				for (Object row : list) {
					column.add(row instanceof Map<?, ?> m ? normalize(m.get(name)) : null);
				}
				return column;
			}
			return null;
		}

		private static Object unary(String op, Object value) {
			if (op.equals("!")) {
				return !truthy(value);
			}
			if (value == null) {
				return BigDecimal.ZERO;
			}
			return value instanceof BigDecimal d ? d.negate() : null;
		}

		private Object binary(Binary b) {
			switch (b.op()) {
				case "&&":
					return truthy(eval(b.left())) && truthy(eval(b.right()));
				case "||":
					return truthy(eval(b.left())) || truthy(eval(b.right()));
				default:
			}
			Object l = eval(b.left());
			Object r = eval(b.right());
			return switch (b.op()) {
				case "==" -> equal(l, r);
				case "!=" -> !equal(l, r);
				case "<", "<=", ">", ">=" -> compare(b.op(), l, r);
				case "+" -> (l instanceof String || r instanceof String) ? text(l) + text(r) : arithmetic("+", l, r);
				default -> arithmetic(b.op(), l, r);
			};
		}

		private static Object compare(String op, Object l, Object r) {
			if (l == null || r == null) {
				return false;
			}
			int c;
			if (l instanceof BigDecimal a && r instanceof BigDecimal z) {
				c = a.compareTo(z);
			}
			else if (l instanceof String a && r instanceof String z) {
				c = a.compareTo(z);
			}
			else {
				return null;
			}
			return switch (op) {
				case "<" -> c < 0;
				case "<=" -> c <= 0;
				case ">" -> c > 0;
				default -> c >= 0;
			};
		}

		private static Object arithmetic(String op, Object l, Object r) {
			BigDecimal a = l == null ? BigDecimal.ZERO : l instanceof BigDecimal d ? d : null;
			BigDecimal z = r == null ? BigDecimal.ZERO : r instanceof BigDecimal d ? d : null;
			if (a == null || z == null) {
				return null;
			}
			return switch (op) {
				case "+" -> a.add(z);
				case "-" -> a.subtract(z);
				case "*" -> a.multiply(z);
				case "/" -> z.signum() == 0 ? null : clean(a.divide(z, MathContext.DECIMAL128));
				default -> z.signum() == 0 ? null : a.remainder(z);
			};
		}

		private Object call(Call c) {
			List<Object> args = new ArrayList<>(c.args().size());
			for (Node arg : c.args()) {
				args.add(eval(arg));
			}
			return switch (c.name()) {
				case "sum" -> sum(flatten(args));
				case "count" -> args.get(0) instanceof List<?> list ? BigDecimal.valueOf(list.size())
						: args.get(0) == null ? BigDecimal.ZERO : null;
				case "min" -> extreme(flatten(args), -1);
				case "max" -> extreme(flatten(args), 1);
				case "abs" -> args.get(0) instanceof BigDecimal d ? d.abs() : null;
				case "round" -> round(args);
				case "len" -> len(args.get(0));
				case "empty" -> args.get(0) == null || "".equals(args.get(0))
						|| (args.get(0) instanceof List<?> l && l.isEmpty());
				case "contains" -> contains(args.get(0), args.get(1));
				case "days" -> days(args.get(0));
				case "daysBetween" -> daysBetween(args.get(0), args.get(1));
				case "today" -> LocalDate.now(CAMPUS_ZONE).toString();
				default -> throw new IllegalStateException(c.name());
			};
		}

		private static List<Object> flatten(List<Object> args) {
			List<Object> out = new ArrayList<>();
			for (Object arg : args) {
				if (arg instanceof List<?> list) {
					out.addAll(list);
				}
				else {
					out.add(arg);
				}
			}
			return out;
		}

		private static Object sum(List<Object> values) {
			BigDecimal total = BigDecimal.ZERO;
			for (Object v : values) {
				if (v == null) {
					continue;
				}
				if (!(v instanceof BigDecimal d)) {
					return null;
				}
				total = total.add(d);
			}
			return total;
		}

		private static Object extreme(List<Object> values, int sign) {
			BigDecimal best = null;
			for (Object v : values) {
				if (v == null) {
					continue;
				}
				if (!(v instanceof BigDecimal d)) {
					return null;
				}
				if (best == null || d.compareTo(best) * sign > 0) {
					best = d;
				}
			}
			return best;
		}

		private static Object round(List<Object> args) {
			if (!(args.get(0) instanceof BigDecimal d)) {
				return args.get(0) == null ? BigDecimal.ZERO : null;
			}
			int places = 0;
			if (args.size() > 1) {
				if (!(args.get(1) instanceof BigDecimal n)) {
					return null;
				}
				places = n.intValue();
			}
			return d.setScale(places, RoundingMode.HALF_UP);
		}

		private static Object len(Object value) {
			if (value == null) {
				return BigDecimal.ZERO;
			}
			if (value instanceof String s) {
				return BigDecimal.valueOf(s.codePointCount(0, s.length()));
			}
			if (value instanceof List<?> l) {
				return BigDecimal.valueOf(l.size());
			}
			return null;
		}

		private static boolean contains(Object haystack, Object needle) {
			if (haystack instanceof String s) {
				return needle != null && s.contains(text(needle));
			}
			if (haystack instanceof List<?> list) {
				return list.stream().anyMatch(item -> equal(item, needle));
			}
			return false;
		}

		private static Object days(Object range) {
			if (range instanceof List<?> list && list.size() == 2) {
				Object between = daysBetween(list.get(0), list.get(1));
				return between instanceof BigDecimal d ? d.add(BigDecimal.ONE) : null;
			}
			return null;
		}

		private static Object daysBetween(Object from, Object to) {
			LocalDate a = date(from);
			LocalDate b = date(to);
			return a == null || b == null ? null : BigDecimal.valueOf(ChronoUnit.DAYS.between(a, b));
		}

		private static LocalDate date(Object value) {
			if (!(value instanceof String s) || s.length() < 10) {
				return null;
			}
			try {
				return LocalDate.parse(s.substring(0, 10));
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}

		private static boolean equal(Object l, Object r) {
			if (l == null || r == null) {
				return l == r;
			}
			if (l instanceof BigDecimal a && r instanceof BigDecimal z) {
				return a.compareTo(z) == 0;
			}
			if (l instanceof List<?> a && r instanceof List<?> z) {
				if (a.size() != z.size()) {
					return false;
				}
				for (int i = 0; i < a.size(); i++) {
					if (!equal(normalize(a.get(i)), normalize(z.get(i)))) {
						return false;
					}
				}
				return true;
			}
			return l.equals(r);
		}

		private static String text(Object value) {
			if (value == null) {
				return "";
			}
			if (value instanceof BigDecimal d) {
				return d.stripTrailingZeros().toPlainString();
			}
			return String.valueOf(value);
		}
	}

	/** Drops float noise the same way the browser does: at most 10 decimal places, no trailing zeros. */
	private static BigDecimal clean(BigDecimal value) {
		BigDecimal rounded = value.setScale(10, RoundingMode.HALF_UP).stripTrailingZeros();
		return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
	}

	/** Numbers of any Java type become BigDecimal; lists and maps are normalized lazily on access. */
	static Object normalize(Object value) {
		if (value == null || value instanceof BigDecimal || value instanceof String || value instanceof Boolean
				|| value instanceof Map<?, ?>) {
			return value;
		}
		if (value instanceof List<?> list) {
			boolean plain = list.stream().allMatch(v -> v == null || v instanceof BigDecimal || v instanceof String
					|| v instanceof Boolean || v instanceof Map<?, ?>);
			return plain ? list : list.stream().map(FormExpressions::normalize).toList();
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		if (value instanceof Number n) {
			return new BigDecimal(n.toString());
		}
		if (value instanceof Collection<?> c) {
			return normalize(new ArrayList<>(c));
		}
		return value.toString();
	}
}
