package dev.hitter.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

	@Test
	void signsUpOneMemberPerClientOfTheBusiestLevel() {
		assertThat(LoadOptions.parse(new String[0]).membersToSignUp()).isEqualTo(16);
		assertThat(LoadOptions.parse(new String[] { "--clients", "8,2,32,4" }).membersToSignUp()).isEqualTo(32);
		assertThat(LoadOptions.parse(new String[] { "--clients", "1" }).membersToSignUp()).isEqualTo(1);
	}

	@Test
	void signsUpNoMemberWhenAnExistingOneIsGiven() {
		LoadOptions options = LoadOptions.parse(new String[] { "--clients", "1,4,16", "--email", "label@example.com",
				"--password", "Hunter-2-secret!" });

		assertThat(options.membersToSignUp()).isZero();
		assertThat(options.email()).contains("label@example.com");
	}

	@Test
	void communityWorkloadIsNamedFirstAndHasItsOwnDefaults() {
		LoadOptions options = LoadOptions.parse(new String[] { "community" });

		assertThat(options.workload()).isEqualTo(LoadOptions.Workload.COMMUNITY);
		assertThat(options.clients()).containsExactly(1, 4, 16, 64);
		assertThat(options.posts()).isEqualTo(2000);
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
		assertThat(options.workload().section).isEqualTo("community-load");
		assertThat(options.usage()).contains("./hitter bench community").contains("--posts");
	}

	@Test
	void uploadWorkloadStaysTheDefaultWithOrWithoutItsName() {
		assertThat(LoadOptions.parse(new String[] { "--clients", "2" }).workload()).isEqualTo(LoadOptions.Workload.LOAD);
		LoadOptions named = LoadOptions.parse(new String[] { "load", "--clients", "2" });
		assertThat(named.workload()).isEqualTo(LoadOptions.Workload.LOAD);
		assertThat(named.clients()).containsExactly(2);
		assertThat(named.workload().section).isEqualTo("load");
	}

	@Test
	void communityOptionsAreParsed() {
		LoadOptions options = LoadOptions.parse(new String[] { "community", "--clients", "2,8", "--duration", "20s",
				"--warmup", "500ms", "--posts", "0", "--report", "docs/benchmarks.md", "--url", "http://gw:9000/" });

		assertThat(options.clients()).isEqualTo(List.of(2, 8));
		assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
		assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
		assertThat(options.posts()).isZero();
		assertThat(options.report()).isPresent();
		assertThat(options.url()).hasToString("http://gw:9000");
	}

	@Test
	void communitySignsUpOneMemberPerClientUpToSixteen() {
		assertThat(LoadOptions.parse(new String[] { "community" }).membersToSignUp()).isEqualTo(16);
		assertThat(LoadOptions.parse(new String[] { "community", "--clients", "1,4" }).membersToSignUp()).isEqualTo(4);
		assertThat(LoadOptions.parse(new String[] { "community", "--email", "m@example.com", "--password", "P-ssw0rd!x" })
			.membersToSignUp()).isZero();
	}

	@Test
	void optionsOfTheOtherWorkloadAreRefused() {
		assertThatThrownBy(() -> LoadOptions.parse(new String[] { "community", "--genre", "POP" }))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("--genre is an option of ./hitter bench load only");
		assertThatThrownBy(() -> LoadOptions.parse(new String[] { "--posts", "10" }))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("--posts is an option of ./hitter bench community only");
	}

	@Test
	void badPostCountsAreRefused() {
		for (String posts : new String[] { "-1", "lots", "100001" }) {
			assertThatThrownBy(() -> LoadOptions.parse(new String[] { "community", "--posts", posts }))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("--posts takes a number from 0 to 100000");
		}
	}
}
