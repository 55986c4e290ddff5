package id.peduli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema-name check sees what swagger would silently merge. */
class ApiSchemaNamesTest {

    static class UnitApi {
        record UpdateRequest(Integer version, String name) {}
    }

    static class PersonApi {
        record UpdateRequest(Integer version, String fullName) {}

        @Schema(name = "PersonApiUpdate")
        record NamedUpdateRequest(Integer version, String fullName) {}
    }

    record Both(UnitApi.UpdateRequest unit, PersonApi.UpdateRequest person, List<PersonApi.NamedUpdateRequest> named) {}

    @Test
    void twoNestedRecordsWithOneSimpleNameAreACollision() {
        ApiSchemaNames names = ApiSchemaNames.fresh();
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(names);
        var schemas = converters.readAll(new AnnotatedType(Both.class));

        // What the document would show: one UpdateRequest, with only one of the two shapes.
        assertThat(schemas).containsKey("UpdateRequest").containsKey("PersonApiUpdate");
        assertThat(names.collisions()).containsOnlyKeys("UpdateRequest");
        assertThat(names.collisions().get("UpdateRequest"))
                .containsExactlyInAnyOrder(
                        UnitApi.UpdateRequest.class.getName(), PersonApi.UpdateRequest.class.getName());
        assertThat(names.unnamedNested())
                .contains(UnitApi.UpdateRequest.class.getName(), PersonApi.UpdateRequest.class.getName())
                .doesNotContain(PersonApi.NamedUpdateRequest.class.getName());
    }
}
