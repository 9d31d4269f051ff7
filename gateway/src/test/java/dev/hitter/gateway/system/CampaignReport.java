package dev.hitter.gateway.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The campaign's tally per kind and every offending request, written as Markdown for people and CI logs. */
final class CampaignReport {

	private final Map<HostileKind, int[]> counts = new EnumMap<>(HostileKind.class);

	private final List<String> failures = new ArrayList<>();

	private static final int REQUESTS = 0;

	private static final int OK = 1;

	private static final int CLIENT_ERROR = 2;

	private static final int SERVER_ERROR = 3;

	private static final int NO_ANSWER = 4;

	private static final int LEFTOVERS = 5;

	private static final int FAILED = 6;

	void answered(HostileKind kind, int status) {
		int[] row = row(kind);
		row[REQUESTS]++;
		if (status >= 200 && status < 300) {
			row[OK]++;
		}
		else if (status >= 400 && status < 500) {
			row[CLIENT_ERROR]++;
		}
		else if (status >= 500) {
			row[SERVER_ERROR]++;
		}
		else {
			row[NO_ANSWER]++;
		}
	}

	void leftover(HostileKind kind) {
		row(kind)[LEFTOVERS]++;
	}

	void failure(HostileKind kind, String method, String path, String what, int status, String why, String excerpt) {
		row(kind)[FAILED]++;
		failures.add("| " + kind.label() + " | " + method + " | " + cell(shorten(path, 90)) + " | " + cell(what) + " | "
				+ (status < 0 ? "—" : status) + " | " + cell(why) + " | " + cell(shorten(excerpt, 200)) + " |");
	}

	List<String> failures() {
		return failures;
	}

	int requests() {
		return counts.values().stream().mapToInt(row -> row[REQUESTS]).sum();
	}

	String markdown(String title) {
		StringBuilder text = new StringBuilder("# ").append(title).append("\n\n");
		text.append("| kind | requests | 2xx | 4xx | 5xx | no answer / 3xx | leftovers | failures |\n");
		text.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
		int[] total = new int[7];
		for (HostileKind kind : HostileKind.values()) {
			int[] row = row(kind);
			text.append("| ").append(kind.label());
			for (int i = 0; i < row.length; i++) {
				text.append(" | ").append(row[i]);
				total[i] += row[i];
			}
			text.append(" |\n");
		}
		text.append("| **all**");
		for (int value : total) {
			text.append(" | **").append(value).append("**");
		}
		text.append(" |\n\n");
		if (failures.isEmpty()) {
			text.append("No offending request.\n");
		}
		else {
			text.append("## Offending requests (").append(failures.size()).append(")\n\n");
			text.append("| kind | method | path | what | status | why | answer (excerpt) |\n|---|---|---|---|---|---|---|\n");
			failures.forEach(line -> text.append(line).append('\n'));
		}
		text.append("\n## What each kind sends\n\n");
		for (HostileKind kind : HostileKind.values()) {
			text.append("- **").append(kind.label()).append("**: ").append(kind.sends()).append('\n');
		}
		return text.toString();
	}

	void write(Path file, String title) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, markdown(title));
	}

	private int[] row(HostileKind kind) {
		return counts.computeIfAbsent(kind, k -> new int[7]);
	}

	static String shorten(String text, int max) {
		if (text == null) {
			return "";
		}
		return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
	}

	private static String cell(String text) {
		return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ").replaceAll("\\p{Cntrl}", "?");
	}
}
