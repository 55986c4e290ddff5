package id.peduli.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Error statuses an API operation can answer beyond those the OpenAPI document derives on its own (see {@code
 * docs/api.md}): for example a 404 for a query parameter that names a missing object. Each is documented as an
 * {@code application/problem+json} response.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ApiErrors {

    /** The HTTP statuses, e.g. {@code 404}. */
    int[] value();
}
