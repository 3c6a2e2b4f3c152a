package app.kadr.generation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How generation jobs pace themselves ({@code kadr.generation.*}): how often a submitted job asks the provider, how
 * many times a passing failure is retried and how long it waits in between, and how long a job may take at all.
 *
 * @param pollInterval pause between two status requests of a submitted job
 * @param slotWait how long a job waiting for a provider slot sleeps before it looks again; a freed slot wakes the
 *     longest-waiting job at once, so this is only the fallback
 * @param maxAttempts attempts of one generation before a passing failure (busy, unreachable) becomes final
 * @param backoffBase first pause after a passing failure; it doubles with each attempt (with jitter)
 * @param backoffCap longest pause after a passing failure
 * @param imageTimeLimit how long an image (or any non-video) generation may run from its submit
 * @param videoTimeLimit how long a video generation may run from its submit
 */
@ConfigurationProperties("kadr.generation")
record GenerationSettings(
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("1s") Duration slotWait,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("2s") Duration backoffBase,
        @DefaultValue("5m") Duration backoffCap,
        @DefaultValue("30m") Duration imageTimeLimit,
        @DefaultValue("90m") Duration videoTimeLimit) {}
