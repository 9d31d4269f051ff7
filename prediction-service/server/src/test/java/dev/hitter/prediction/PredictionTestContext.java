package dev.hitter.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestContextAnnotationUtils.AnnotationDescriptor;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import dev.hitter.localdb.TestDatabase;
import dev.hitter.prediction.model.ModelReadinessTest;
import dev.hitter.serving.ModelRegistry;

/**
 * The one way a prediction-service test starts the service: the shared real database in the test's own schema, the
 * fixture models, and an owner-only upload folder of the annotated class's own ({@link UploadsLeft#folderFor}); each
 * test then begins once the models are served, and with {@link #noUploadLeft()} ends by finding that folder empty.
 *
 * <p>Put it next to {@code @SpringBootTest}; settings of the test's own stay in {@code @SpringBootTest(properties)}
 * or a {@code @DynamicPropertySource} of its own. Subclasses of an annotated base share its schema, folder and
 * so its context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextCustomizerFactories(PredictionTestContext.Registration.Factory.class)
@ExtendWith(PredictionTestContext.ServedModelsAndNoUploadLeft.class)
public @interface PredictionTestContext {

	/**
	 * The schema in the shared database. The job tests each keep their own, so that the job workers of other test
	 * contexts in this JVM never take their items.
	 */
	String schema();

	/** Whether every test must leave no file in the upload folder (checked after the test's own clean-up). */
	boolean noUploadLeft() default false;

	/** The database, models and upload folder as properties of the context; equal registrations share a context. */
	record Registration(String schema, Path uploads) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			Map<String, Supplier<Object>> values = new LinkedHashMap<>();
			TestDatabase.registerDataSource(values::put, schema);
			values.put("hitter.models.root", ModelReadinessTest.FIXTURE_MODEL_SETS::toString);
			values.put("hitter.prediction.upload-folder", uploads::toString);
			Map<String, Object> properties = new LinkedHashMap<>();
			values.forEach((name, value) -> properties.put(name, value.get()));
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("prediction-test-context",
					properties));
		}

		/** Finds the annotation on the test class or the base it extends. */
		static final class Factory implements ContextCustomizerFactory {

			@Override
			public ContextCustomizer createContextCustomizer(Class<?> testClass,
					List<ContextConfigurationAttributes> configAttributes) {
				AnnotationDescriptor<PredictionTestContext> found = TestContextAnnotationUtils
					.findAnnotationDescriptor(testClass, PredictionTestContext.class);
				return (found == null) ? null
						: new Registration(found.getAnnotation().schema(),
								UploadsLeft.folderFor(found.getRootDeclaringClass()));
			}
		}
	}

	/** Before each test, waits until the models are served; after it, if asked, finds no upload left. */
	final class ServedModelsAndNoUploadLeft implements BeforeEachCallback, AfterEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) throws InterruptedException {
			// The models load on their own thread after start-up.
			ModelRegistry registry = SpringExtension.getApplicationContext(context).getBean(ModelRegistry.class);
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (!registry.isReady()) {
				assertThat(System.nanoTime()).as("models served within 60 s").isLessThan(deadline);
				Thread.sleep(100);
			}
		}

		@Override
		public void afterEach(ExtensionContext context) {
			AnnotationDescriptor<PredictionTestContext> found = TestContextAnnotationUtils
				.findAnnotationDescriptor(context.getRequiredTestClass(), PredictionTestContext.class);
			if (found.getAnnotation().noUploadLeft()) {
				assertThat(UploadsLeft.in(UploadsLeft.folderFor(found.getRootDeclaringClass()))).isEmpty();
			}
		}
	}

	/**
	 * Over a real port, any bearer token that is a UUID is that member: the signature checks have tests of their own
	 * (AccessTokenAttacksTest), and the tests importing this are about bodies. MockMvc's {@code jwt()} bypasses it.
	 */
	@TestConfiguration
	class AnyUuidTokenDecoder {

		@Bean
		JwtDecoder jwtDecoder() {
			return token -> Jwt.withTokenValue(token)
				.header("alg", "none")
				.subject(UUID.fromString(token).toString())
				.claim("email_verified", true).claim("roles", List.of("MEMBER"))
				.build();
		}
	}
}
