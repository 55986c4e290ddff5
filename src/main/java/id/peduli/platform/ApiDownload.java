package id.peduli.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API operation that answers with a file rather than JSON: the OpenAPI document shows its success as binary
 * content of these media types, so that a generated client downloads it instead of parsing it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiDownload {

    /** The media types the file may have, e.g. {@code text/csv}. */
    String[] value();
}
