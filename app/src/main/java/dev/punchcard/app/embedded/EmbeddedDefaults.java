package dev.punchcard.app.embedded;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Entry point of the embedded defaults, registered in {@code META-INF/spring.factories}.
 * <p>
 * It hands the work to {@link EmbeddedServersLauncher}, which decides and starts once the
 * application context is prepared instead of here: only then is every property source in
 * place (a test's {@code @DynamicPropertySource} is added after environment post
 * processing) and logging initialised (so zonky's own messages are not swallowed). The
 * servers are still up before any bean is created.
 */
class EmbeddedDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (application.getListeners().stream().noneMatch(EmbeddedServersLauncher.class::isInstance)) {
			application.addListeners(new EmbeddedServersLauncher());
		}
	}

}
