package app.kadr.generation;

import app.kadr.support.KadrTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole-studio test of generation jobs against provider fakes, paced for tests: polls and retries come quickly (a
 * retry waits at most 1 s, so a generation failing all its attempts ends in seconds, not half a minute), an image may
 * run 6 s, and a job waiting for a provider slot sleeps long, so that only the wake-up on a freed slot can
 * start it quickly. Every class with these settings shares one application context.
 */
@KadrTest
@TestPropertySource(
        properties = {
            "kadr.generation.poll-interval=200ms",
            "kadr.generation.backoff-base=200ms",
            "kadr.generation.backoff-cap=1s",
            "kadr.generation.image-time-limit=6s",
            "kadr.generation.slot-wait=30s",
            "kadr.generation.fal-read-timeout=1s",
            "kadr.generation.runware-read-timeout=2s"
        })
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface GenerationJobTest {}
