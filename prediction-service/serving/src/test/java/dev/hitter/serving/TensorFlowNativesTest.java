package dev.hitter.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking the natives: from the real platform jar, again (a no-op), at once from many starts, or not at all. */
class TensorFlowNativesTest {

	@TempDir
	Path temp;

	@Test
	void unpacksTheThreeLibrariesFromThePlatformJarAndPointsDjlAtThem() throws IOException {
		Path folder = TensorFlowNatives.install();

		assertThat(System.getProperty("TENSORFLOW_LIBRARY_PATH")).isEqualTo(folder.toString());
		assertThat(System.getProperty("DJL_OFFLINE")).isEqualTo("true");
		for (String library : TensorFlowNatives.LIBRARIES) {
			Path file = folder.resolve(library);
			assertThat(file).isRegularFile();
			assertThat(Files.size(file)).isEqualTo(resourceSize(getClass().getClassLoader(), library));
		}
	}

	@Test
	void leavesLibrariesThatAreAlreadyThereAlone() throws IOException {
		ClassLoader jar = fakePlatformJar(1000);
		Path folder = temp.resolve("natives");
		TensorFlowNatives.extract(folder, jar);
		FileTime written = Files.getLastModifiedTime(folder.resolve("libtensorflow_cc.so.2"));
		Files.setLastModifiedTime(folder.resolve("libtensorflow_cc.so.2"), FileTime.fromMillis(written.toMillis() - 60_000));

		TensorFlowNatives.extract(folder, jar);

		assertThat(Files.getLastModifiedTime(folder.resolve("libtensorflow_cc.so.2")).toMillis())
			.isEqualTo(written.toMillis() - 60_000);
	}

	@Test
	void replacesALibraryCutShortByAnEarlierCrash() throws IOException {
		ClassLoader jar = fakePlatformJar(1000);
		Path folder = temp.resolve("natives");
		Files.createDirectories(folder);
		Files.write(folder.resolve("libjnitensorflow.so"), new byte[10]);

		TensorFlowNatives.extract(folder, jar);

		assertThat(Files.size(folder.resolve("libjnitensorflow.so"))).isEqualTo(1000);
	}

	@Test
	void unpacksSafelyWhenManyStartAtOnce() throws Exception {
		ClassLoader jar = fakePlatformJar(2_000_000);
		Path folder = temp.resolve("natives");
		int starts = 6;
		CyclicBarrier together = new CyclicBarrier(starts);
		ExecutorService threads = Executors.newFixedThreadPool(starts);
		try {
			List<Callable<Void>> calls = new ArrayList<>();
			for (int i = 0; i < starts; i++) {
				calls.add(() -> {
					together.await();
					TensorFlowNatives.extract(folder, jar);
					return null;
				});
			}
			for (Future<Void> result : threads.invokeAll(calls)) {
				result.get();
			}
		}
		finally {
			threads.shutdown();
		}

		try (Stream<Path> files = Files.list(folder)) {
			assertThat(files.map(file -> file.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(TensorFlowNatives.LIBRARIES);
		}
		for (String library : TensorFlowNatives.LIBRARIES) {
			assertThat(Files.readAllBytes(folder.resolve(library))).isEqualTo(content(library, 2_000_000));
		}
	}

	@Test
	void failsWithAClearMessageWhenThePlatformJarIsMissing() {
		ClassLoader nothing = new URLClassLoader(new URL[0], null);

		assertThatThrownBy(() -> TensorFlowNatives.extract(temp.resolve("natives"), nothing))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("tensorflow-core-api:0.5.0")
			.hasMessageContaining("linux-x86_64");
	}

	/** A class loader over a folder laid out like TF Java's platform jar, with libraries of {@code size} bytes. */
	private ClassLoader fakePlatformJar(int size) throws IOException {
		Path jar = temp.resolve("jar");
		Path natives = jar.resolve(TensorFlowNatives.RESOURCE_FOLDER);
		Files.createDirectories(natives);
		for (String library : TensorFlowNatives.LIBRARIES) {
			Files.write(natives.resolve(library), content(library, size));
		}
		return new URLClassLoader(new URL[] { jar.toUri().toURL() }, null);
	}

	private static byte[] content(String library, int size) {
		byte[] bytes = new byte[size];
		for (int i = 0; i < size; i++) {
			bytes[i] = (byte) (library.hashCode() + i);
		}
		return bytes;
	}

	private static long resourceSize(ClassLoader loader, String library) throws IOException {
		try (var in = loader.getResourceAsStream(TensorFlowNatives.RESOURCE_FOLDER + library)) {
			return in.transferTo(java.io.OutputStream.nullOutputStream());
		}
	}
}
