package id.peduli.platform;

import id.peduli.shared.BusinessException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/** Translated validation messages for a form: per field and for the form as a whole. */
public final class FormErrors {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<String> global = new ArrayList<>();
    private boolean warningsOnly;

    public static FormErrors none() {
        return new FormErrors();
    }

    public static FormErrors of(BindingResult result, MessageSource messages, Locale locale) {
        FormErrors errors = new FormErrors();
        for (FieldError error : result.getFieldErrors()) {
            errors.fields.putIfAbsent(error.getField(), messages.getMessage(error, locale));
        }
        for (ObjectError error : result.getGlobalErrors()) {
            errors.global.add(messages.getMessage(error, locale));
        }
        return errors;
    }

    public static FormErrors of(BusinessException e, MessageSource messages, Locale locale) {
        FormErrors errors = new FormErrors();
        if (e instanceof id.peduli.shared.InvalidInput input) {
            for (var problem : input.problems()) {
                String text = messages.getMessage(problem.key(), problem.args(), problem.key(), locale);
                if (problem.field() == null) {
                    errors.global.add(text);
                } else if (errors.fields.containsKey(problem.field())) {
                    errors.fields.put(problem.field(), errors.fields.get(problem.field()) + " " + text);
                } else {
                    errors.fields.put(problem.field(), text);
                }
            }
            errors.warningsOnly = input.warningsOnly();
            return errors;
        }
        String text = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        if (e.field() != null) {
            errors.fields.put(e.field(), text);
        } else {
            errors.global.add(text);
        }
        return errors;
    }

    /**
     * From Bean Validation results (messages already in the request's language). A nested path keeps only its last
     * part, so {@code profile.fullName} is reported for the form field {@code fullName}.
     */
    public static FormErrors of(java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> violations) {
        FormErrors errors = new FormErrors();
        violations.stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> {
                    String path = v.getPropertyPath().toString();
                    String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
                    errors.fields.putIfAbsent(field, v.getMessage());
                });
        return errors;
    }

    /** True when every message is a warning the user may accept. */
    public boolean warningsOnly() {
        return warningsOnly;
    }

    public boolean any() {
        return !fields.isEmpty() || !global.isEmpty();
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    public String get(String field) {
        return fields.getOrDefault(field, "");
    }

    /** The class that marks a field with a message: an error, or a warning when every message is one. */
    public String invalidClass(String field) {
        if (!has(field)) {
            return "";
        }
        return warningsOnly ? " is-warning" : " is-invalid";
    }

    public List<String> global() {
        return List.copyOf(global);
    }

    public Map<String, String> fields() {
        return Map.copyOf(fields);
    }
}
