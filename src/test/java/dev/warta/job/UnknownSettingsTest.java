package dev.warta.job;

import dev.warta.llm.LlmProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A mistyped {@code warta.*} setting stops the start, naming it and the setting that was probably meant. */
class UnknownSettingsTest {

    private static final UnknownSettingsCheck.Known KNOWN = UnknownSettingsCheck.Known.of(
            Map.of("warta", WartaProperties.class, "warta.llm", LlmProperties.class));

    @TempDir
    Path work;

    @Test
    void aMistypedSettingOnTheCommandLineStopsTheStartWithExitCode2() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.warta.WartaApplication",
                "--input=" + work.resolve("input"), "--output=" + work.resolve("output"),
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("data/warta"),
                "--warta.engine=offline", "--warta.llm.concurency=8"));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(stderr).isEqualTo(WartaRunner.CANNOT_START);
        assertThat(stderr.lines().filter(line -> !line.isBlank()).toList()).containsExactly(
                "warta: cannot start: unknown setting warta.llm.concurency (command line); did you mean "
                        + "warta.llm.concurrency?");
    }

    @Test
    void everySettingThePropertiesClassesDeclareIsKnownAndMapKeysAreFree() {
        StandardEnvironment environment = environment(Map.of(
                "warta.llm.concurrency", "8", "warta.budget.max-tokens", "100", "warta.llm.maxRetries", "2",
                "warta.llm.prices.gpt-4o-mini.input", "0.15", "warta.llm.prices[gpt-4.1].output", "8",
                "warta.offline-fallback", "true", "warta.schedule", "",
                "warta.llm.mode", "batch", "warta.llm.batch-deadline", "06:00",
                "warta.llm.prices.gpt-4o-mini.batch-input", "0.075"),
                Map.of("WARTA_LLM_CONCURRENCY", "4", "WARTA_LLM_API_KEY", "sk", "WARTA_LLM_APIKEY", "sk",
                        "WARTA_BUDGET_MAX_COST", "1", "WARTA_LLM_PRICES_GPT4O_INPUT", "2.5",
                        "WARTA_HOME", "/opt/warta", "WARTA_JAR", "/opt/warta/warta.jar", "OTHER", "x"));

        assertThat(UnknownSettingsCheck.unknownSettings(environment, KNOWN)).isEmpty();
    }

    @Test
    void unknownSettingsFromTheEnvironmentAndTheCommandLineAreNamedWithTheClosestKnownOne() {
        StandardEnvironment environment = environment(Map.of("warta.llm.modell", "gpt-4o"),
                Map.of("WARTA_LLM_CONCURENCY", "8"));

        assertThat(UnknownSettingsCheck.unknownSettings(environment, KNOWN)).containsExactlyInAnyOrder(
                "unknown setting warta.llm.modell (command line); did you mean warta.llm.model?",
                "unknown setting WARTA_LLM_CONCURENCY (environment variable); did you mean "
                        + "WARTA_LLM_CONCURRENCY (warta.llm.concurrency)?");
    }

    private static StandardEnvironment environment(Map<String, Object> commandLine, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", commandLine));
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }
}
