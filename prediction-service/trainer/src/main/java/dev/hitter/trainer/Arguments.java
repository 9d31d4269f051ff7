package dev.hitter.trainer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.hitter.models.Genre;

/** {@code --name value} options of one command, with errors a person can act on (as {@code ./hitter features}). */
final class Arguments {

	private final Map<String, String> values = new HashMap<>();

	private final Set<String> used = new HashSet<>();

	Arguments(List<String> args) {
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
			else if (i + 1 < args.size()) {
				values.put(name, args.get(++i));
			}
			else {
				throw new UsageException("--" + name + " needs a value");
			}
		}
	}

	Path path(String name) {
		return Path.of(required(name));
	}

	Path optionalPath(String name) {
		String value = optional(name, null);
		return value == null ? null : Path.of(value);
	}

	String required(String name) {
		used.add(name);
		String value = values.get(name);
		if (value == null || value.isBlank()) {
			throw new UsageException("--" + name + " is required");
		}
		return value;
	}

	String optional(String name, String fallback) {
		used.add(name);
		return values.getOrDefault(name, fallback);
	}

	int integer(String name, int fallback, int min, int max) {
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

	Double decimal(String name, Double fallback, double min, double max) {
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

	List<Genre> genres() {
		String text = optional("genres", "POP,BALLAD,DANCE");
		List<Genre> genres = new ArrayList<>();
		for (String part : text.split(",")) {
			try {
				Genre genre = Genre.valueOf(part.trim().toUpperCase(Locale.ROOT));
				if (!genres.contains(genre)) {
					genres.add(genre);
				}
			}
			catch (IllegalArgumentException ex) {
				throw new UsageException("--genres takes POP, BALLAD and DANCE, not '" + part.trim() + "'");
			}
		}
		return genres;
	}

	/** Refuses options that no command read: a typo must not be silently ignored. */
	void noneLeft() {
		for (String name : values.keySet()) {
			if (!used.contains(name)) {
				throw new UsageException("unknown option --" + name);
			}
		}
	}
}
