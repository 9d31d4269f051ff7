package dev.hitter.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.hitter.features.cli.Arguments;
import dev.hitter.features.cli.UsageException;
import dev.hitter.trainer.network.AudioNetwork;
import dev.hitter.trainer.network.LyricsNetwork;
import dev.hitter.trainer.training.TrainingSettings;

class HyperParameterOptionsTest {

	private static TrainingSettings parse(String... args) {
		return TrainCommand.hyperParameters(new Arguments(List.of(args), Set.of()), TrainingSettings.defaults());
	}

	@Test
	void withoutOptionsTheDemonstrationDefaultsStay() {
		TrainingSettings settings = parse();
		assertThat(settings).isEqualTo(TrainingSettings.defaults());
		assertThat(settings.threads()).isEqualTo(2);
	}

	@Test
	void everyHyperParameterCanBeSet() {
		TrainingSettings settings = parse("--learning-rate", "0.001", "--l2", "0.00005", "--audio-channels", "32,64,64",
				"--audio-kernels", "7,5,3", "--audio-pool", "2", "--lyrics-embedding", "64", "--lyrics-filters", "48",
				"--lyrics-kernels", "2,3,4,5", "--threads", "8");
		assertThat(settings.learningRate()).isEqualTo(0.001f);
		assertThat(settings.l2()).isEqualTo(0.00005f);
		assertThat(settings.audioSizes()).isEqualTo(new AudioNetwork.Sizes(32, 64, 64, 7, 5, 3, 2));
		assertThat(settings.lyricsSizes()).isEqualTo(new LyricsNetwork.Sizes(64, 48, List.of(2, 3, 4, 5)));
		assertThat(settings.threads()).isEqualTo(8);
		assertThat(settings.epochs()).isEqualTo(TrainingSettings.defaults().epochs());
	}

	@Test
	void aWrongListIsAUsageErrorNamingTheOption() {
		assertThatThrownBy(() -> parse("--audio-channels", "16,32")).isInstanceOf(UsageException.class)
			.hasMessageContaining("--audio-channels takes 3 comma-separated");
		assertThatThrownBy(() -> parse("--lyrics-kernels", "2,x")).isInstanceOf(UsageException.class)
			.hasMessageContaining("--lyrics-kernels takes whole numbers");
		assertThatThrownBy(() -> parse("--threads", "0")).isInstanceOf(UsageException.class)
			.hasMessageContaining("--threads must be between 1");
	}
}
