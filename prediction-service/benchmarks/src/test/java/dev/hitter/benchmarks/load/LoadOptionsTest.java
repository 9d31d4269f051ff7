package dev.hitter.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

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
}
