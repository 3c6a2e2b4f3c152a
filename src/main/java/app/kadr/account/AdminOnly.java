package app.kadr.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Only an administrator may call this (Spring's method security, enabled in {@link SecurityConfig}): put it on a
 * controller method or class, never a hand-written role check. A refusal answers 403 problem+json in the API and
 * the 404 page on pages, where an admin page does not exist for anyone else (see {@code shared.ApiErrors},
 * {@code shared.PageErrors}). {@code AdminOnlyTests} finds every such address in the request mappings and asks it
 * as a person who is not an admin.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasRole('ADMIN')")
public @interface AdminOnly {}
