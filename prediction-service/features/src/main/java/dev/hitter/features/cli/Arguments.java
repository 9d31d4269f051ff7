package dev.hitter.features.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} and {@code --flag} options of one command of HITTER's command-line tools
 * ({@code ./hitter features}, {@code ./hitter train}), with errors a person can act on.
 */
public final class Arguments {

	private final Map<String, String> values = new HashMap<>();

	private final Set<String> flags = new HashSet<>();

	private final Set<String> used = new HashSet<>();

	public Arguments(List<String> args, Set<String> knownFlags) {
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--") || arg.length() == 2) {
				throw new UsageException("unexpected argument '" + arg + "'");
			}
			String name = arg.substring(2);
			int equals = name.indexOf('=');
			if (equals > 0) {
				values.put(name.substring(0, equals), name.substring(equals + 1));
			}
			else if (knownFlags.contains(name)) {
				flags.add(name);
			}
			else if (i + 1 < args.size()) {
				values.put(name, args.get(++i));
			}
			else {
				throw new UsageException("--" + name + " needs a value");
			}
		}
	}

	public Path path(String name) {
		return Path.of(required(name));
	}

	/** The path, or null when the option is absent. */
	public Path optionalPath(String name) {
		String value = optional(name, null);
		return value == null ? null : Path.of(value);
	}

	public String required(String name) {
		used.add(name);
		String value = values.get(name);
		if (value == null || value.isBlank()) {
			throw new UsageException("--" + name + " is required");
		}
		return value;
	}

	public String optional(String name, String fallback) {
		used.add(name);
		return values.getOrDefault(name, fallback);
	}

	public int integer(String name, int fallback, int min, int max) {
		String text = optional(name, null);
		if (text == null) {
			return fallback;
		}
		try {
			int value = Integer.parseInt(text.trim());
			if (value < min || value > max) {
				throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + value);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " must be a whole number, not '" + text + "'");
		}
	}

	public Double decimal(String name, Double fallback, double min, double max) {
		String text = optional(name, null);
		if (text == null) {
			return fallback;
		}
		try {
			double value = Double.parseDouble(text.trim());
			if (!(value >= min && value <= max)) {
				throw new UsageException("--" + name + " must be between " + min + " and " + max + ", not " + value);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + " must be a number, not '" + text + "'");
		}
	}

	public boolean flag(String name) {
		return flags.contains(name);
	}

	/** Refuses options that no command read: a typo must not be silently ignored. */
	public void noneLeft() {
		for (String name : values.keySet()) {
			if (!used.contains(name)) {
				throw new UsageException("unknown option --" + name);
			}
		}
	}
}
