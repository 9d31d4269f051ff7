package dev.hitter.prediction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** prediction-service: scores tracks and lyrics with the hit models and keeps each member's analyses. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PredictionApplication {

	public static void main(String[] args) {
		SpringApplication.run(PredictionApplication.class, args);
	}
}
