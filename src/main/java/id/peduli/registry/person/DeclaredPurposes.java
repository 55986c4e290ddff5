package id.peduli.registry.person;

import id.peduli.registry.ConsentPurposes;
import id.peduli.registry.ConsentPurposes.Purpose;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every consent purpose the modules declare, in form order; a code declared twice stops the start. */
@Component
class DeclaredPurposes {

    private final List<Purpose> purposes;
    private final Map<String, Purpose> byCode = new LinkedHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    DeclaredPurposes(ObjectProvider<ConsentPurposes> contributions) {
        this(contributions.orderedStream().toList());
    }

    DeclaredPurposes(List<ConsentPurposes> contributions) {
        this.purposes = contributions.stream()
                .flatMap(c -> c.purposes().stream())
                .sorted(Comparator.comparingInt(Purpose::order).thenComparing(Purpose::code))
                .toList();
        for (Purpose purpose : purposes) {
            if (byCode.putIfAbsent(purpose.code(), purpose) != null) {
                throw new IllegalStateException("Consent purpose declared twice: " + purpose.code());
            }
        }
    }

    List<Purpose> all() {
        return purposes;
    }

    Optional<Purpose> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }
}
