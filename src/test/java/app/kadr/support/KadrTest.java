package app.kadr.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test against the whole studio over real HTTP, on a real database: H2 by default, the local PostgreSQL
 * with {@code -Dkadr.test.db=postgres}. All such tests share one application context.
 */
@Tag("api")
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kadr.trusted-proxies=" + TrustedProxy.ADDRESS)
@ContextConfiguration(initializers = TestDatabase.class)
@Import({TestSupport.class, Studio.class, QuickPasswordHashes.class})
public @interface KadrTest {}
