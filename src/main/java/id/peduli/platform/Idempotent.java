package id.peduli.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API operation that creates something as safe to retry with an {@code Idempotency-Key} header: the first
 * successful answer is stored for the caller and replayed when the same key comes again with the same body. See
 * {@code docs/api.md}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {}
