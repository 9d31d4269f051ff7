package dev.hitter.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a measured window: the whole machine's busy time from {@code /proc/stat}, and
 * the CPU time of each process of the system under test (found by the jar it runs, from this checkout, with its
 * child processes: the embedded MariaDB is the local database's child) and of the load generator itself. The rest
 * is other work on the machine (other builds). Linux only; elsewhere, or for a system on another machine, the
 * roles are empty.
 */
final class CpuUse {

	/** Clock ticks per second of {@code /proc} times: 100 on every Linux this runs on (getconf CLK_TCK). */
	private static final double TICKS_PER_SECOND = 100;

	/** Role name, and the jar path (below the checkout) whose JVM plays it. */
	static final Map<String, String> ROLES = roles();

	private CpuUse() {
	}

	private static Map<String, String> roles() {
		Map<String, String> roles = new LinkedHashMap<>();
		roles.put("gateway", "/gateway/target/gateway-");
		roles.put("community", "/community-service/target/community-service-");
		roles.put("auth", "/auth-service/server/target/auth-service-");
		roles.put("database", "/deploy/local/target/local-database-");
		return roles;
	}

	/** CPU ticks so far: the machine's busy and total, and each role's (generator included). */
	record Sample(long nanos, long machineBusy, long machineTotal, Map<String, Long> roles) {

		/** The cores each role used between {@code before} and this sample, and the machine's busy cores. */
		Map<String, Double> coresSince(Sample before) {
			double seconds = (nanos - before.nanos) / 1e9;
			Map<String, Double> cores = new LinkedHashMap<>();
			double machineCores = machineTotal > before.machineTotal
					? (double) (machineBusy - before.machineBusy) / (machineTotal - before.machineTotal)
							* Runtime.getRuntime().availableProcessors()
					: Double.NaN;
			double ours = 0;
			for (Map.Entry<String, Long> role : roles.entrySet()) {
				Long earlier = before.roles.get(role.getKey());
				if (earlier != null) {
					double used = (role.getValue() - earlier) / TICKS_PER_SECOND / seconds;
					cores.put(role.getKey(), used);
					ours += used;
				}
			}
			cores.put("other", Double.isNaN(machineCores) ? Double.NaN : Math.max(0, machineCores - ours));
			cores.put("machine", machineCores);
			return cores;
		}
	}

	/** Takes a sample now; {@code checkout} is the repository whose built jars the system under test runs. */
	static Sample sample(Optional<Path> checkout) {
		long[] machine = machine();
		Map<String, Long> roles = new LinkedHashMap<>();
		checkout.ifPresent(root -> ROLES.forEach((role, jar) -> ticksOf(root + jar).ifPresent(t -> roles.put(role, t))));
		ticks(ProcessHandle.current()).ifPresent(t -> roles.put("generator", t));
		return new Sample(System.nanoTime(), machine[0], machine[1], roles);
	}

	/**
	 * The checkout this benchmark jar was built in ({@code …/prediction-service/benchmarks/target/x.jar}), whose other
	 * modules' jars the system started by {@code ./hitter run} runs.
	 */
	static Optional<Path> checkout() {
		try {
			Path jar = Path.of(CpuUse.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path root = jar.getParent().getParent().getParent().getParent();
			return Files.isDirectory(root.resolve("gateway")) ? Optional.of(root) : Optional.empty();
		}
		catch (Exception ex) {
			return Optional.empty();
		}
	}

	/** user + nice + system + irq + softirq + steal, and that plus idle + iowait, from the first line of /proc/stat. */
	static long[] machine() {
		try {
			return machine(Files.readAllLines(Path.of("/proc/stat")).get(0));
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	static long[] machine(String cpuLine) {
		String[] f = cpuLine.trim().split("\\s+");
		long busy = 0;
		long total = 0;
		for (int i = 1; i < Math.min(f.length, 9); i++) {
			long value = Long.parseLong(f[i]);
			total += value;
			if (i != 4 && i != 5) {
				busy += value;
			}
		}
		return new long[] { busy, total };
	}

	private static Optional<Long> ticksOf(String jarPrefix) {
		List<ProcessHandle> processes = ProcessHandle.allProcesses()
			.filter(p -> p.info().commandLine().map(line -> line.contains(jarPrefix)).orElse(false))
			.toList();
		if (processes.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(processes.stream()
			.flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
			.mapToLong(p -> ticks(p).orElse(0L))
			.sum());
	}

	/** utime + stime of one process, all its threads, in clock ticks. */
	static Optional<Long> ticks(ProcessHandle process) {
		try {
			return Optional.of(ticks(Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"))));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	static long ticks(String stat) {
		// The command name in parentheses may hold spaces: the fields are counted after its closing parenthesis.
		String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(f[11]) + Long.parseLong(f[12]);
	}
}
