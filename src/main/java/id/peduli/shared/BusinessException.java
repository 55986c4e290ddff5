package id.peduli.shared;

import java.util.Arrays;

/**
 * A refusal the user caused and can act on. It carries a message key (resolved in the user's language by the web
 * layer), its arguments, the HTTP status an API answers with, and optionally the form field it concerns.
 */
public class BusinessException extends RuntimeException {

    private final String messageKey;
    private final Object[] args;
    private final int status;
    private final String field;

    public BusinessException(int status, String field, String messageKey, Object... args) {
        super(messageKey);
        this.status = status;
        this.field = field;
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public static BusinessException invalid(String field, String messageKey, Object... args) {
        return new BusinessException(422, field, messageKey, args);
    }

    public static BusinessException conflict(String field, String messageKey, Object... args) {
        return new BusinessException(409, field, messageKey, args);
    }

    public static BusinessException notFound(String messageKey, Object... args) {
        return new BusinessException(404, null, messageKey, args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    @Override
    public String toString() {
        return "BusinessException[" + status + " " + messageKey + Arrays.toString(args) + "]";
    }
}
