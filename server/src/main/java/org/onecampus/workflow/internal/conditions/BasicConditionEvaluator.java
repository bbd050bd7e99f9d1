package org.onecampus.workflow.internal.conditions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

/**
 * The subset of the form expression language that branch conditions use: literals, field keys
 * (dotted for {@code applicant.*}), {@code ! -}, {@code * / %}, {@code + -}, comparisons,
 * {@code == !=}, {@code && ||}, {@code ?:}, parentheses and the functions {@code len}, {@code empty},
 * {@code contains}, {@code abs}, {@code min}, {@code max}. Null compares false except with
 * {@code ==}/{@code !=}, arithmetic treats null as 0, division by zero yields null.
 */
@Component
public class BasicConditionEvaluator implements ConditionEvaluator {

	@Override
	public String syntaxError(String expression) {
		try {
			new Parser(expression, Map.of(), false).parseAll();
			return null;
		}
		catch (SyntaxError ex) {
			return ex.getMessage();
		}
	}

	@Override
	public boolean test(String expression, Map<String, Object> variables) {
		try {
			return Boolean.TRUE.equals(new Parser(expression, variables, true).parseAll());
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static final class SyntaxError extends RuntimeException {

		SyntaxError(String message, int position) {
			super(message + " at " + position);
		}
	}

	/** Parses and evaluates in one pass; with {@code evaluate} false it only checks the syntax. */
	private static final class Parser {

		private final String text;

		private final Map<String, Object> variables;

		private final boolean evaluate;

		private int pos;

		Parser(String text, Map<String, Object> variables, boolean evaluate) {
			this.text = text == null ? "" : text;
			this.variables = variables;
			this.evaluate = evaluate;
		}

		Object parseAll() {
			Object value = ternary();
			skip();
			if (pos < text.length()) {
				throw new SyntaxError("unexpected '" + text.charAt(pos) + "'", pos);
			}
			return value;
		}

		private Object ternary() {
			Object condition = or();
			if (eat("?")) {
				Object yes = ternary();
				expect(":");
				Object no = ternary();
				return Boolean.TRUE.equals(condition) ? yes : no;
			}
			return condition;
		}

		private Object or() {
			Object left = and();
			while (eat("||")) {
				Object right = and();
				left = truthy(left) || truthy(right);
			}
			return left;
		}

		private Object and() {
			Object left = equality();
			while (eat("&&")) {
				Object right = equality();
				left = truthy(left) && truthy(right);
			}
			return left;
		}

		private Object equality() {
			Object left = comparison();
			while (true) {
				if (eat("==")) {
					left = same(left, comparison());
				}
				else if (eat("!=")) {
					left = !same(left, comparison());
				}
				else {
					return left;
				}
			}
		}

		private Object comparison() {
			Object left = additive();
			while (true) {
				String op = eat("<=") ? "<=" : eat(">=") ? ">=" : eat("<") ? "<" : eat(">") ? ">" : null;
				if (op == null) {
					return left;
				}
				Object right = additive();
				left = compare(left, right, op);
			}
		}

		private Object additive() {
			Object left = multiplicative();
			while (true) {
				if (eat("+")) {
					Object right = multiplicative();
					left = left instanceof String || right instanceof String ? text(left) + text(right)
							: number(left).add(number(right));
				}
				else if (eat("-")) {
					left = number(left).subtract(number(multiplicative()));
				}
				else {
					return left;
				}
			}
		}

		private Object multiplicative() {
			Object left = unary();
			while (true) {
				if (eat("*")) {
					left = number(left).multiply(number(unary()));
				}
				else if (eat("/")) {
					BigDecimal right = number(unary());
					left = right.signum() == 0 ? null : number(left).divide(right, MathContext.DECIMAL64);
				}
				else if (eat("%")) {
					BigDecimal right = number(unary());
					left = right.signum() == 0 ? null : number(left).remainder(right);
				}
				else {
					return left;
				}
			}
		}

		private Object unary() {
			if (eat("!")) {
				return !truthy(unary());
			}
			if (eat("-")) {
				return number(unary()).negate();
			}
			return primary();
		}

		private Object primary() {
			skip();
			if (pos >= text.length()) {
				throw new SyntaxError("unexpected end", pos);
			}
			char c = text.charAt(pos);
			if (eat("(")) {
				Object value = ternary();
				expect(")");
				return value;
			}
			if (Character.isDigit(c)) {
				int start = pos;
				while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
					pos++;
				}
				try {
					return new BigDecimal(text.substring(start, pos));
				}
				catch (NumberFormatException ex) {
					throw new SyntaxError("bad number", start);
				}
			}
			if (c == '\'' || c == '"') {
				int end = text.indexOf(c, pos + 1);
				if (end < 0) {
					throw new SyntaxError("unterminated string", pos);
				}
				String value = text.substring(pos + 1, end);
				pos = end + 1;
				return value;
			}
			if (Character.isLetter(c) || c == '_') {
				int start = pos;
				while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
						|| text.charAt(pos) == '.')) {
					pos++;
				}
				String name = text.substring(start, pos);
				if (eat("(")) {
					return call(name, start);
				}
				return switch (name) {
					case "true" -> Boolean.TRUE;
					case "false" -> Boolean.FALSE;
					case "null" -> null;
					default -> evaluate ? lookup(name) : null;
				};
			}
			throw new SyntaxError("unexpected '" + c + "'", pos);
		}

		private Object call(String name, int at) {
			List<Object> args = new java.util.ArrayList<>();
			if (!eat(")")) {
				do {
					args.add(ternary());
				}
				while (eat(","));
				expect(")");
			}
			if (!evaluate) {
				if (!List.of("len", "empty", "contains", "abs", "min", "max").contains(name)) {
					throw new SyntaxError("unknown function " + name, at);
				}
				return null;
			}
			return switch (name) {
				case "len" -> args.get(0) instanceof Collection<?> list ? BigDecimal.valueOf(list.size())
						: args.get(0) == null ? null : BigDecimal.valueOf(text(args.get(0)).length());
				case "empty" -> args.get(0) == null || "".equals(args.get(0))
						|| args.get(0) instanceof Collection<?> list && list.isEmpty();
				case "contains" -> args.get(0) instanceof Collection<?> list ? list.stream().anyMatch(v -> same(v, args.get(1)))
						: args.get(0) != null && text(args.get(0)).contains(text(args.get(1)));
				case "abs" -> number(args.get(0)).abs();
				case "min" -> args.stream().map(Parser::number).min(BigDecimal::compareTo).orElse(null);
				case "max" -> args.stream().map(Parser::number).max(BigDecimal::compareTo).orElse(null);
				default -> throw new SyntaxError("unknown function " + name, at);
			};
		}

		private Object lookup(String name) {
			if (variables.containsKey(name)) {
				return normalize(variables.get(name));
			}
			Object current = variables;
			for (String part : name.split("\\.")) {
				current = current instanceof Map<?, ?> map ? map.get(part) : null;
			}
			return normalize(current);
		}

		private static Object normalize(Object value) {
			if (value instanceof Number number && !(value instanceof BigDecimal)) {
				return new BigDecimal(number.toString());
			}
			return value;
		}

		private static boolean same(Object left, Object right) {
			if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
				return a.compareTo(b) == 0;
			}
			return Objects.equals(left, right);
		}

		private static Object compare(Object left, Object right, String op) {
			if (left == null || right == null) {
				return false;
			}
			int c;
			if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
				c = a.compareTo(b);
			}
			else if (left instanceof String a && right instanceof String b) {
				c = a.compareTo(b);
			}
			else {
				return false;
			}
			return switch (op) {
				case "<" -> c < 0;
				case "<=" -> c <= 0;
				case ">" -> c > 0;
				default -> c >= 0;
			};
		}

		private static boolean truthy(Object value) {
			return Boolean.TRUE.equals(value);
		}

		private static BigDecimal number(Object value) {
			if (value == null) {
				return BigDecimal.ZERO;
			}
			if (value instanceof BigDecimal number) {
				return number;
			}
			if (value instanceof String text) {
				return new BigDecimal(text.trim());
			}
			throw new IllegalArgumentException("not a number");
		}

		private static String text(Object value) {
			return value == null ? "" : value instanceof BigDecimal number ? number.stripTrailingZeros().toPlainString()
					: value.toString();
		}

		private boolean eat(String token) {
			skip();
			if (text.startsWith(token, pos)) {
				// "<" must not eat the start of "<=", "!" not the start of "!="
				if ((token.equals("<") || token.equals(">") || token.equals("!")) && text.startsWith(token + "=", pos)) {
					return false;
				}
				pos += token.length();
				return true;
			}
			return false;
		}

		private void expect(String token) {
			if (!eat(token)) {
				throw new SyntaxError("expected '" + token + "'", pos);
			}
		}

		private void skip() {
			while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
				pos++;
			}
		}
	}
}
